/**
 * Fuzzing every resolver key found in src/entry except those carrying the contract database
 * document (resolver-fuzz-documents.test.ts): see resolver-fuzz.ts.
 */
import { describeResolverFuzz } from './resolver-fuzz';

jest.setTimeout(300_000);

describeResolverFuzz('fuzzing every resolver key (payloads without a document)', (row) => row.documentFields === undefined);
