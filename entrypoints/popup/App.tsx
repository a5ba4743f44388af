export function App() {
  return (
    <main>
      <h1>RailAir 铁空比价</h1>
      <p>火车与飞机，同日同城并排比较。Train vs plane, same day, same cities.</p>
    </main>
  );
}
