"use client";

export default function GlobalError() {
  return (
    <html lang="en">
      <body style={{ fontFamily: "Georgia, serif", textAlign: "center", padding: "6rem 1rem" }}>
        <h1>Something went wrong</h1>
        <p>Masthead could not show this page. Try again in a moment.</p>
      </body>
    </html>
  );
}
