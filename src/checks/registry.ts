/** The registry: every check module, in run order. */

import { allOfThemSingleSearch } from './detection/all-of-them-single-search.js';
import { allSingleValue } from './detection/all-single-value.js';
import { allWithoutContains } from './detection/all-without-contains.js';
import { caseSensitiveWindowsPath } from './detection/case-sensitive-windows-path.js';
import { controlCharacter } from './detection/control-character.js';
import { doubleWildcard } from './detection/double-wildcard.js';
import { duplicateValue } from './detection/duplicate-value.js';
import { escapedWildcard } from './detection/escaped-wildcard.js';
import { numberAsString } from './detection/number-as-string.js';
import { oneOfSingleSearch } from './detection/one-of-single-search.js';
import { unusedSearch } from './detection/unused-search.js';
import { wildcardInsteadOfModifier } from './detection/wildcard-instead-of-modifier.js';
import { duplicateFields } from './metadata/duplicate-fields.js';
import { duplicateFilename } from './metadata/duplicate-filename.js';
import { duplicateReferences } from './metadata/duplicate-references.js';
import { duplicateTitle } from './metadata/duplicate-title.js';
import { invalidDate } from './metadata/invalid-date.js';
import { invalidId } from './metadata/invalid-id.js';
import { invalidLevel } from './metadata/invalid-level.js';
import { invalidModified } from './metadata/invalid-modified.js';
import { invalidRelatedId } from './metadata/invalid-related-id.js';
import { invalidRelatedType } from './metadata/invalid-related-type.js';
import { invalidStatus } from './metadata/invalid-status.js';
import { invalidTitle } from './metadata/invalid-title.js';
import { missingAuthor } from './metadata/missing-author.js';
import { missingDate } from './metadata/missing-date.js';
import { missingDescription } from './metadata/missing-description.js';
import { missingId } from './metadata/missing-id.js';
import { missingLevel } from './metadata/missing-level.js';
import { missingStatus } from './metadata/missing-status.js';
import { missingTitle } from './metadata/missing-title.js';
import { misspeltAttribute } from './metadata/misspelt-attribute.js';
import { modifiedBeforeDate } from './metadata/modified-before-date.js';
import { redundantModified } from './metadata/redundant-modified.js';
import { schemaUnavailable } from './schema/schema-unavailable.js';
import { sigmaSchema } from './schema/sigma-schema.js';
import { triplineMetadata } from './schema/tripline-metadata.js';
import { attackDataUnavailable } from './tags/attack-data-unavailable.js';
import { deprecatedAttackTechnique } from './tags/deprecated-attack-technique.js';
import { duplicateTag } from './tags/duplicate-tag.js';
import { invalidAttackTag } from './tags/invalid-attack-tag.js';
import { invalidCarTag } from './tags/invalid-car-tag.js';
import { invalidCveTag } from './tags/invalid-cve-tag.js';
import { invalidD3fendTag } from './tags/invalid-d3fend-tag.js';
import { invalidDetectionTag } from './tags/invalid-detection-tag.js';
import { invalidStpTag } from './tags/invalid-stp-tag.js';
import { invalidTagFormat } from './tags/invalid-tag-format.js';
import { invalidTlpTag } from './tags/invalid-tlp-tag.js';
import { legacyAttackTactic } from './tags/legacy-attack-tactic.js';
import { revokedAttackTechnique } from './tags/revoked-attack-technique.js';
import { unknownAttackTactic } from './tags/unknown-attack-tactic.js';
import { unknownAttackTechnique } from './tags/unknown-attack-technique.js';
import { unknownTagNamespace } from './tags/unknown-tag-namespace.js';
import { specificLogsource } from './taxonomy/specific-logsource.js';
import { unknownField } from './taxonomy/unknown-field.js';
import { unknownLogsource } from './taxonomy/unknown-logsource.js';
import type { Check } from './types.js';

/** Every check, in the order they run (metadata, schema, tags, detection style, taxonomy). */
export const CHECKS: readonly Check[] = [
  duplicateFields,
  duplicateFilename,
  duplicateReferences,
  duplicateTitle,
  invalidDate,
  invalidId,
  invalidLevel,
  invalidModified,
  invalidRelatedId,
  invalidRelatedType,
  invalidStatus,
  invalidTitle,
  missingAuthor,
  missingDate,
  missingDescription,
  missingId,
  missingLevel,
  missingStatus,
  missingTitle,
  misspeltAttribute,
  modifiedBeforeDate,
  redundantModified,
  schemaUnavailable,
  sigmaSchema,
  triplineMetadata,
  attackDataUnavailable,
  deprecatedAttackTechnique,
  duplicateTag,
  invalidAttackTag,
  invalidCarTag,
  invalidCveTag,
  invalidD3fendTag,
  invalidDetectionTag,
  invalidStpTag,
  invalidTagFormat,
  invalidTlpTag,
  legacyAttackTactic,
  revokedAttackTechnique,
  unknownAttackTactic,
  unknownAttackTechnique,
  unknownTagNamespace,
  allOfThemSingleSearch,
  allSingleValue,
  allWithoutContains,
  caseSensitiveWindowsPath,
  controlCharacter,
  doubleWildcard,
  duplicateValue,
  escapedWildcard,
  numberAsString,
  oneOfSingleSearch,
  unusedSearch,
  wildcardInsteadOfModifier,
  specificLogsource,
  unknownField,
  unknownLogsource,
];
