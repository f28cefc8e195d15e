import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main">
      <div className="card">
        <h1>Page not found</h1>
        <p>There is nothing at this address.</p>
        <Link href="/">Go to your start page</Link>
      </div>
    </main>
  );
}
