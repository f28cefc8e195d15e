import { describe, expect, it } from 'vitest';
import { formatAddressInline, formatAddressLines } from './format-address';

const street = { recipient: 'Receiving dock', addressLine1: '1200 Main Street', addressLine2: 'Suite 4' };

describe('formatAddressLines', () => {
  it.each([
    ['US', 'Seattle', 'WA', '98101', ['Seattle, WA 98101', 'United States of America']],
    ['DE', 'Berlin', null, '10115', ['10115 Berlin', 'Germany']],
    ['GB', 'London', null, 'SW1A 1AA', ['London', 'SW1A 1AA', 'United Kingdom']],
    ['CA', 'Toronto', 'ON', 'M5V 2T6', ['Toronto, ON M5V 2T6', 'Canada']],
  ])('writes a %s address in its country’s order', (country, city, region, postalCode, locality) => {
    expect(formatAddressLines({ ...street, city, region, postalCode, country })).toEqual([
      'Receiving dock',
      '1200 Main Street',
      'Suite 4',
      ...locality,
    ]);
  });

  it('leaves out what is missing and keeps a country the templates do not know', () => {
    expect(
      formatAddressLines({ addressLine1: '1 Road', addressLine2: ' ', city: 'Town', postalCode: '123', country: 'XX' }),
    ).toEqual(['1 Road', '123 Town']);
  });

  it('joins the lines for a single-line place', () => {
    expect(
      formatAddressInline({
        addressLine1: '1200 Main Street',
        city: 'Seattle',
        region: 'WA',
        postalCode: '98101',
        country: 'US',
      }),
    ).toBe('1200 Main Street, Seattle, WA 98101, United States of America');
  });
  it('formats each address of a locality it has seen before with its own street and the right town', () => {
    const seattle = { city: 'Seattle', region: 'WA', postalCode: '98101', country: 'US' };
    expect(formatAddressLines({ addressLine1: '1 First Avenue', ...seattle })).toEqual([
      '1 First Avenue',
      'Seattle, WA 98101',
      'United States of America',
    ]);
    expect(formatAddressLines({ recipient: 'Dock 2', addressLine1: '9 Ninth Avenue', ...seattle })).toEqual([
      'Dock 2',
      '9 Ninth Avenue',
      'Seattle, WA 98101',
      'United States of America',
    ]);
    expect(formatAddressLines({ addressLine1: '9 Ninth Avenue', ...seattle, postalCode: '98104' })).toEqual([
      '9 Ninth Avenue',
      'Seattle, WA 98104',
      'United States of America',
    ]);
  });
});
