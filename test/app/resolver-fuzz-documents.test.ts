/**
 * Fuzzing the resolver keys that carry the contract database document (validate, save, import):
 * see resolver-fuzz.ts.
 */
import { describeResolverFuzz } from './resolver-fuzz';

jest.setTimeout(300_000);

describeResolverFuzz('fuzzing every resolver key that carries the contract database', (row) => row.documentFields !== undefined);
