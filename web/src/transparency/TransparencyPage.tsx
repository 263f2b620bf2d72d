export default function TransparencyPage() {
  return <h1>TransparencyPage</h1>;
}
