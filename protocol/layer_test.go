package protocol

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

// The explanation is a layer over the engine: explain*.go and why.go read
// only what the package exports (the Decision's evidence, the policy's
// fields and methods), their own helpers, and these few unexported
// helpers of the package's data and syntax.
var layerMayUse = map[string]string{
	"rows":       "the reader of data/*.tsv",
	"msnpNumber": "the syntax of an MSNP dialect's name",
	"enumName":   "the printer of enumeration names",
	"enumText":   "the printer of enumeration words",
}

func TestExplanationIsALayer(t *testing.T) {
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	inLayer := func(name string) bool {
		return strings.HasPrefix(name, "explain") || name == "why.go" || name == "meanings.go"
	}
	engine := map[string]string{} // unexported top-level names of the engine's files
	var layer []*ast.File
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") || name == "gen_presets.go" {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		if inLayer(name) {
			layer = append(layer, f)
			continue
		}
		for _, obj := range f.Scope.Objects {
			if !ast.IsExported(obj.Name) {
				engine[obj.Name] = name
			}
		}
	}
	if len(layer) < 3 || len(engine) == 0 {
		t.Fatalf("found %d layer files and %d engine names: the test reads the wrong folder", len(layer), len(engine))
	}
	for _, f := range layer {
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.Ident:
				if from, ok := engine[n.Name]; ok && n.Obj == nil && layerMayUse[n.Name] == "" {
					t.Errorf("%s uses %s of %s: the explanation reads only the exported API", fset.Position(n.Pos()), n.Name, from)
				}
			case *ast.SelectorExpr:
				// Fields of the engine's types: p.c, s.dialect…
				if !ast.IsExported(n.Sel.Name) && (n.Sel.Name == "c" || n.Sel.Name == "params") {
					t.Errorf("%s reads the unexported field %s", fset.Position(n.Pos()), n.Sel.Name)
				}
			}
			return true
		})
	}
}
