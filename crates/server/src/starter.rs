//! Starter code per language: the function stub in function mode, a program that reads all of
//! standard input in stdio mode, a comment in SQL mode.

use tandem_judge::Language;
use tandem_problems::{Mode, Problem};

pub fn code(problem: &Problem, language: Language) -> String {
    match (&problem.mode, &problem.signature) {
        (Mode::Function, Some(signature)) => {
            tandem_judge::function::stub(language, signature).unwrap_or_default()
        }
        (Mode::Sql, _) => "-- Write one SQL query that returns the rows asked for.\n".into(),
        _ => stdio(language).into(),
    }
}

fn stdio(language: Language) -> &'static str {
    match language {
        Language::Python => {
            "import sys\n\n\ndef main() -> None:\n    data = sys.stdin.read().split()\n    # Solve here and print the answer.\n\n\nmain()\n"
        }
        Language::Javascript => {
            "const data = require(\"fs\").readFileSync(0, \"utf8\").split(/\\s+/).filter(Boolean);\n// Solve here and print the answer with console.log.\n"
        }
        Language::Typescript => {
            "import { readFileSync } from \"fs\";\n\nconst data: string[] = readFileSync(0, \"utf8\").split(/\\s+/).filter(Boolean);\n// Solve here and print the answer with console.log.\n"
        }
        Language::C => {
            "#include <stdio.h>\n\nint main(void) {\n    /* Read with scanf, solve, print the answer. */\n    return 0;\n}\n"
        }
        Language::Cpp => {
            "#include <bits/stdc++.h>\nusing namespace std;\n\nint main() {\n    ios::sync_with_stdio(false);\n    cin.tie(nullptr);\n    // Read, solve, print the answer.\n    return 0;\n}\n"
        }
        Language::Java => {
            "import java.io.*;\nimport java.util.*;\n\npublic class Main {\n    public static void main(String[] args) throws IOException {\n        BufferedReader in = new BufferedReader(new InputStreamReader(System.in));\n        // Read, solve, print the answer.\n    }\n}\n"
        }
        Language::Rust => {
            "use std::io::{self, Read};\n\nfn main() {\n    let mut input = String::new();\n    io::stdin().read_to_string(&mut input).expect(\"stdin\");\n    // Solve here and print the answer.\n}\n"
        }
        Language::Go => {
            "package main\n\nimport (\n\t\"bufio\"\n\t\"fmt\"\n\t\"os\"\n)\n\nfunc main() {\n\tin := bufio.NewReader(os.Stdin)\n\t_ = in\n\t// Read with fmt.Fscan(in, ...), solve, print the answer.\n\tfmt.Print(\"\")\n}\n"
        }
        Language::Sql => "-- Write one SQL query.\n",
    }
}
