export default function ReviewConsole() {
  return <h1>ReviewConsole</h1>;
}
