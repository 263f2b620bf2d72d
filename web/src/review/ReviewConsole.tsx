import { StaffGate } from '../staff/StaffGate.js';
import { ReviewDesk } from './ReviewDesk.js';
import './review.css';

/** The reviewer console at `/review`: the queue, and the case being reviewed, for the tenant's reviewers. */
export default function ReviewConsole() {
  return (
    <StaffGate roles={['reviewer']}>
      <ReviewDesk />
    </StaffGate>
  );
}
