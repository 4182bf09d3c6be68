// Package tests holds the cross-runtime conformance vectors and the Go
// runner that checks native output against them.
package tests

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Vector is one conformance case: Call(Op, Input) must return Output.
type Vector struct {
	Name   string // <op dir>/<name>
	Op     string
	Input  []byte
	Output []byte // nil when the expected output file does not exist yet
	// OutputPath is where the expected output lives.
	OutputPath string
}

// Load reads every vector under dir (tests/vectors), sorted by name.
func Load(dir string) ([]Vector, error) {
	inputs, err := filepath.Glob(filepath.Join(dir, "*", "*.input.json"))
	if err != nil {
		return nil, err
	}
	sort.Strings(inputs)
	var vs []Vector
	for _, in := range inputs {
		opDir := filepath.Base(filepath.Dir(in))
		base := strings.TrimSuffix(filepath.Base(in), ".input.json")
		v := Vector{Name: opDir + "/" + base, Op: opDir, OutputPath: strings.TrimSuffix(in, ".input.json") + ".output.json"}
		if v.Input, err = os.ReadFile(in); err != nil {
			return nil, err
		}
		if opDir == "_request" {
			op, err := os.ReadFile(strings.TrimSuffix(in, ".input.json") + ".op")
			if err != nil {
				return nil, err
			}
			v.Op = strings.TrimSpace(string(op))
		}
		if out, err := os.ReadFile(v.OutputPath); err == nil {
			v.Output = out
		} else if !os.IsNotExist(err) {
			return nil, err
		}
		vs = append(vs, v)
	}
	return vs, nil
}

// Dir is the vectors directory, found from the caller's working directory
// (the repository root or any package directory below it).
func Dir() string {
	wd, _ := os.Getwd()
	for d := wd; ; d = filepath.Dir(d) {
		if _, err := os.Stat(filepath.Join(d, "tests", "vectors")); err == nil {
			return filepath.Join(d, "tests", "vectors")
		}
		if filepath.Dir(d) == d {
			return filepath.Join(wd, "tests", "vectors")
		}
	}
}
