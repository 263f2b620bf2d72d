import { TransparencyRegister } from './TransparencyRegister.js';
import './transparency.css';

/** The public transparency page (`/transparency`): the register, with this surface's styles. */
export default function TransparencyPage() {
  return <TransparencyRegister />;
}
