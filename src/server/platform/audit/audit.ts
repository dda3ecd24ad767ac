/**
 * The audit log's face for the rest of the server: rows appended in the caller's transaction
 * (append-audit.ts), linked after the commit into the keyed hash chain (seal-audit-log.ts, audit-chain.ts),
 * and checked end to end against the signed checkpoints (verify-audit-chain.ts).
 */
export {
  type AuditActor,
  type AuditEvent,
  type AuditOutcome,
  type AuditWrite,
  appendAudit,
} from './append-audit';
export {
  anchorAuditChain,
  auditAnchorOf,
  auditRowHash,
  checkpointAuditHead,
  KEYED_ALG,
  UNKEYED_ALG,
} from './audit-chain';
export { sealAuditLog } from './seal-audit-log';
export {
  type AuditFinding,
  type ChainVerification,
  type FindingKind,
  verifyAuditChain,
} from './verify-audit-chain';
