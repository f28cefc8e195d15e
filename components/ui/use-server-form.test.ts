import { describe, expect, it } from 'vitest';
import { placeServerErrors } from './use-server-form';

type Values = { name: string; note: string; lines: { unitPrice: string }[] };

describe('placeServerErrors', () => {
  it('puts a tRPC error’s field errors beside the fields the form shows, and no message above it', () => {
    const placed = placeServerErrors<Values>(
      { message: 'Some fields need attention.', data: { fieldErrors: { name: ['Too long'], note: undefined } } },
      ['name', 'note'],
    );
    expect(placed).toEqual({ fieldErrors: [['name', 'Too long']], message: null });
  });

  it('reads a server action’s refusal the same way', () => {
    const placed = placeServerErrors<Values>({ message: 'No', fieldErrors: { note: ['Required', 'Short'] } }, ['note']);
    expect(placed).toEqual({ fieldErrors: [['note', 'Required']], message: null });
  });

  it('keeps the message for the form when no field the form shows is named', () => {
    const placed = placeServerErrors<Values>(
      { message: 'The key was invalid.', data: { fieldErrors: { idempotencyKey: ['Invalid'] } } },
      ['name', 'note'],
    );
    expect(placed).toEqual({ fieldErrors: [], message: 'The key was invalid.' });
    expect(placeServerErrors<Values>({ message: 'Conflict', data: null }, ['name'])).toEqual({
      fieldErrors: [],
      message: 'Conflict',
    });
  });

  it('maps the server’s name for a field onto the form’s', () => {
    const placed = placeServerErrors<Values>(
      { message: 'Some fields need attention.', data: { fieldErrors: { 'lines.3': ['Enter a price'] } } },
      { 'lines.1': 'lines.0.unitPrice', 'lines.3': 'lines.1.unitPrice', note: 'note' },
    );
    expect(placed).toEqual({ fieldErrors: [['lines.1.unitPrice', 'Enter a price']], message: null });
  });
});
