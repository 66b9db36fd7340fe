export function AuthCard({ title, intro, children }: { title: string; intro?: string; children?: React.ReactNode }) {
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <p className="mb-6 font-serif text-2xl font-bold">Masthead</p>
      <h1 className="text-xl font-semibold">{title}</h1>
      {intro && <p className="mt-1 text-sm text-stone-600">{intro}</p>}
      {children && <div className="mt-6">{children}</div>}
    </main>
  );
}
