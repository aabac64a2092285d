/**
 * The switch for the compliance-scan step (`batch-job check`, report as SARIF): on since `check` ships in this
 * package. It adds the step to every CI system (SARIF uploaded to code scanning on GitHub, a pipeline artifact on
 * Azure and GitLab).
 */
export const complianceScan = true;

/** Feature switches of the CI component; tests build both states without flipping the constant. */
export interface CiFeatures {
  readonly complianceScan: boolean;
}

export const defaultCiFeatures: CiFeatures = { complianceScan };

/** The compliance report's file name, published by every system. */
export const COMPLIANCE_REPORT = 'batch-job.sarif';

/** Runs the policy checker over the whole repository and writes the SARIF report; fails on errors. */
export const complianceCommand = `npx batch-job check --format sarif --output ${COMPLIANCE_REPORT} --fail-on error`;
