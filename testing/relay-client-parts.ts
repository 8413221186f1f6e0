// The parts of the relay client (relay-client/) the server's tests play a terminal with: an
// end-to-end key, and the chunked file sender and assembler. Tests cross rooms only through testing/.
export { generateSealKey } from '../relay-client/sealing.js';
export { FileAssembler, sendFile, type ReceivedFile } from '../relay-client/file-transfer.js';
