import { renderToString } from 'react-dom/server';
import { expect, it } from 'vitest';
import { Button } from './button';
import { SubmitButton } from './submit-button';

it('is disabled in the server-rendered HTML, before React can handle a click', () => {
  expect(renderToString(<Button>Approve</Button>)).toMatch(/<button type="button" disabled=""[^>]*>Approve<\/button>/);
  expect(renderToString(<SubmitButton pending={false}>Sign in</SubmitButton>)).toMatch(
    /<button type="submit"[^>]*disabled=""/,
  );
});
