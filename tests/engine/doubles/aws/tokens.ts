// The double's type and function tokens: the shared test fixture's.
export { F, T } from "../../../fixtures/aws";
