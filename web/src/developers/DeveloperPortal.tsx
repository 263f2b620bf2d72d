export default function DeveloperPortal() {
  return <h1>DeveloperPortal</h1>;
}
