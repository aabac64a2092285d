import type { Project } from 'projen';
import { ManagedTextFile } from '../../project/managed-file.js';

const EDITORCONFIG = `root = true

[*]
charset = utf-8
end_of_line = lf
insert_final_newline = true
trim_trailing_whitespace = true
indent_style = space
indent_size = 2

[*.{cs,csx}]
indent_size = 4
dotnet_sort_system_directives_first = true
`;

export function addEditorConfig(project: Project): void {
  new ManagedTextFile(project, '.editorconfig', { comment: 'hash', contents: () => EDITORCONFIG });
}
