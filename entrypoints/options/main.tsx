import { render } from 'preact';

function Options() {
  return (
    <main>
      <h1>RailAir 设置 · Settings</h1>
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
