import Link from 'next/link';

/** What a 404 says, inside whichever shell the address belongs to. */
export function NotFoundNotice() {
  return (
    <div className="card">
      <h1>Page not found</h1>
      <p>There is nothing at this address.</p>
      <Link href="/">Go to your start page</Link>
    </div>
  );
}

/** What a 403 says, inside whichever shell the address belongs to. */
export function ForbiddenNotice() {
  return (
    <div className="card" role="alert">
      <h1>You cannot open this page</h1>
      <p>Your account does not give you access to it. If you think it should, ask your administrator.</p>
      <p>
        <Link href="/">Go to your start page</Link>
      </p>
    </div>
  );
}

/**
 * Why the signed-in person cannot work in their account right now (organization suspended,
 * access deactivated …), shown in place of any page of the section: the sentence the procedures
 * refuse with, so the page and the API say the same.
 */
export function AccountProblemNotice({ problem }: { problem: string }) {
  return (
    <div className="card" role="alert">
      <h1>You cannot work in this account right now</h1>
      <p>{problem}</p>
    </div>
  );
}
