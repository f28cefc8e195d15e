import Link from 'next/link';

export const metadata = { title: 'Not for you' };

/** Rendered with status 403 whenever a page calls forbidden(). */
export default function Forbidden() {
  return (
    <main id="main">
      <div className="card" role="alert">
        <h1>You cannot open this page</h1>
        <p>Your account does not give you access to it. If you think it should, ask your administrator.</p>
        <p>
          <Link href="/">Go to your start page</Link>
        </p>
      </div>
    </main>
  );
}
