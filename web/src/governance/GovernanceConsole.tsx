export default function GovernanceConsole() {
  return <h1>GovernanceConsole</h1>;
}
