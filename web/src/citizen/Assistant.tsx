export default function Assistant() {
  return <h1>Assistant</h1>;
}
