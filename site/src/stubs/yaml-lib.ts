/** Browser stand-in for src/sigma/yaml-lib.ts: the bundle imports the `yaml` library directly. */
import * as Yaml from 'yaml';

export function yamlLibrary(): typeof Yaml {
  return Yaml;
}
