// Command gen-sdk generates the datasync-privatelink SDKs (nodejs, python, go) from schema.json.
//
// It does what `pulumi package gen-sdk schema.json --language L --out OUT [--version V]` does,
// without the language hosts: the CLI binds the schema (overriding its version), hands the bound
// package's JSON to the language host `pulumi-language-L`, and the host binds it again and calls
// the codegen package of github.com/pulumi/pulumi/pkg/v3 for L, writing every file it returns
// under OUT/L after OUT/L was emptied. This program makes the same calls in-process with the same
// tool names, so the output is the one the hosts would write. It exists because the language
// host modules cannot be had from the module proxy reachable here (see scripts/versions.env).
//
//	gen-sdk -schema schema.json -out sdk -version 0.1.0 [-languages nodejs,python,go]
//	gen-sdk -normalize schema.json   print the schema as `pulumi package get-schema` prints it
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/blang/semver"

	gogen "github.com/pulumi/pulumi/pkg/v3/codegen/go"
	"github.com/pulumi/pulumi/pkg/v3/codegen/nodejs"
	"github.com/pulumi/pulumi/pkg/v3/codegen/python"
	"github.com/pulumi/pulumi/pkg/v3/codegen/schema"
)

// noExternalPackages is the schema loader: schema.json must not reference other packages (the
// AWS provider's schema cannot be had here), so every request for one is an error.
type noExternalPackages struct{}

var errExternal = errors.New("schema.json refers to another package; only self-contained schemas are supported")

func (noExternalPackages) LoadPackage(pkg string, _ *semver.Version) (*schema.Package, error) {
	return nil, fmt.Errorf("%w (asked for %q)", errExternal, pkg)
}

func (noExternalPackages) LoadPackageV2(_ context.Context, d *schema.PackageDescriptor) (*schema.Package, error) {
	return nil, fmt.Errorf("%w (asked for %q)", errExternal, d.Name)
}

func (noExternalPackages) LoadPackageReference(pkg string, _ *semver.Version) (schema.PackageReference, error) {
	return nil, fmt.Errorf("%w (asked for %q)", errExternal, pkg)
}

func (noExternalPackages) LoadPackageReferenceV2(
	_ context.Context, d *schema.PackageDescriptor,
) (schema.PackageReference, error) {
	return nil, fmt.Errorf("%w (asked for %q)", errExternal, d.Name)
}

var loader schema.ReferenceLoader = noExternalPackages{}

func readSpec(path string) (schema.PackageSpec, error) {
	var spec schema.PackageSpec
	raw, err := os.ReadFile(path)
	if err != nil {
		return spec, err
	}
	if err := json.Unmarshal(raw, &spec); err != nil {
		return spec, fmt.Errorf("%s: %w", path, err)
	}
	return spec, nil
}

// bind binds a spec and turns error diagnostics into an error.
func bind(spec schema.PackageSpec, opts schema.ValidationOptions) (*schema.Package, error) {
	pkg, diags, err := schema.BindSpec(spec, loader, opts)
	if err != nil {
		return nil, err
	}
	for _, d := range diags {
		fmt.Fprintf(os.Stderr, "gen-sdk: schema: %s\n", d.Error())
	}
	if diags.HasErrors() {
		return nil, fmt.Errorf("schema has errors: %w", diags)
	}
	return pkg, nil
}

// warnGoPlainObjectArrays reports the one schema shape Pulumi's Go codegen (pkg/v3 v3.259.0)
// mishandles: an input property that is a plain array of a plain object type. The codegen then
// refers to <Type>Args without generating it, and the Go SDK does not compile, unless the schema
// sets language.go.generateExtraInputTypes, which makes it generate input types for every type.
func warnGoPlainObjectArrays(spec schema.PackageSpec) {
	var goOpts struct {
		GenerateExtraInputTypes bool `json:"generateExtraInputTypes"`
	}
	if raw, ok := spec.Language["go"]; ok {
		_ = json.Unmarshal(raw, &goOpts)
	}
	if goOpts.GenerateExtraInputTypes {
		return
	}
	check := func(owner string, props map[string]schema.PropertySpec) {
		for name, p := range props {
			if p.Plain && p.Type == "array" && p.Items != nil && p.Items.Plain &&
				strings.HasPrefix(p.Items.Ref, "#/types/") {
				fmt.Fprintf(os.Stderr, "gen-sdk: warning: %s.%s is a plain array of %s: the Go SDK will not compile "+
					"(Go codegen omits its Args type) unless schema.json sets language.go.generateExtraInputTypes: true\n",
					owner, name, strings.TrimPrefix(p.Items.Ref, "#/types/"))
			}
		}
	}
	for tok, r := range spec.Resources {
		check(tok, r.InputProperties)
	}
	for tok, t := range spec.Types {
		check(tok, t.Properties)
	}
}

// generate runs one language the way its host's GeneratePackage does.
func generate(lang string, pkgJSON []byte) (map[string][]byte, error) {
	var spec schema.PackageSpec
	if err := json.Unmarshal(pkgJSON, &spec); err != nil {
		return nil, err
	}
	switch lang {
	case "nodejs":
		pkg, err := bind(spec, schema.ValidationOptions{AllowDanglingReferences: true})
		if err != nil {
			return nil, err
		}
		return nodejs.GeneratePackage("pulumi-language-nodejs", pkg, nil, nil, false, loader)
	case "python":
		pkg, err := bind(spec, schema.ValidationOptions{AllowDanglingReferences: true})
		if err != nil {
			return nil, err
		}
		return python.GeneratePackage("pulumi-language-python", pkg, nil, loader)
	case "go":
		warnGoPlainObjectArrays(spec)
		pkg, err := bind(spec, schema.ValidationOptions{})
		if err != nil {
			return nil, err
		}
		return gogen.GeneratePackage("pulumi-language-go", pkg, nil)
	}
	return nil, fmt.Errorf("unsupported language %q (nodejs, python, go)", lang)
}

func writeFiles(dir string, files map[string][]byte) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	names := make([]string, 0, len(files))
	for name := range files {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, files[name], 0o644); err != nil {
			return err
		}
	}
	return nil
}

func run() error {
	schemaPath := flag.String("schema", "schema.json", "the package schema")
	out := flag.String("out", "sdk", "output directory; each language goes to OUT/<language>")
	version := flag.String("version", "", "package version to stamp (like gen-sdk --version); default: the schema's")
	languages := flag.String("languages", "nodejs,python,go", "comma-separated languages")
	normalize := flag.String("normalize", "", "print this schema file as `pulumi package get-schema` would and exit")
	flag.Parse()
	if flag.NArg() > 0 {
		return fmt.Errorf("unexpected arguments: %v", flag.Args())
	}

	if *normalize != "" {
		// `pulumi package get-schema` decodes the provider's schema into a PackageSpec and prints
		// json.MarshalIndent(spec, "", "  "); do the same so two schemas compare byte for byte.
		spec, err := readSpec(*normalize)
		if err != nil {
			return err
		}
		b, err := json.MarshalIndent(spec, "", "  ")
		if err != nil {
			return err
		}
		_, err = fmt.Println(string(b))
		return err
	}

	spec, err := readSpec(*schemaPath)
	if err != nil {
		return err
	}
	// The CLI side: bind, override the version, marshal for the language host.
	pkg, err := bind(spec, schema.ValidationOptions{AllowDanglingReferences: true})
	if err != nil {
		return err
	}
	if *version != "" {
		v, err := semver.Parse(strings.TrimPrefix(*version, "v"))
		if err != nil {
			return fmt.Errorf("invalid version %q: %w", *version, err)
		}
		pkg.Version = &v
	}
	pkgJSON, err := pkg.MarshalJSON()
	if err != nil {
		return err
	}

	for _, lang := range strings.Split(*languages, ",") {
		lang = strings.TrimSpace(lang)
		if lang == "" {
			continue
		}
		files, err := generate(lang, pkgJSON)
		if err != nil {
			return fmt.Errorf("%s: %w", lang, err)
		}
		dir := filepath.Join(*out, lang)
		if err := writeFiles(dir, files); err != nil {
			return fmt.Errorf("%s: %w", lang, err)
		}
		fmt.Fprintf(os.Stderr, "gen-sdk: %s: %d files written to %s\n", lang, len(files), dir)
	}
	return nil
}

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "gen-sdk: error: %v\n", err)
		os.Exit(1)
	}
}
