// gomodzip lays out one module version as a GOPROXY file tree, the form `go get` downloads:
//
//	go run ./scripts/dist/gomodzip -dir SDK_DIR -module PATH -version vX.Y.Z -out PROXY_DIR
//
// writes PROXY_DIR/<module>/@v/{list,vX.Y.Z.info,vX.Y.Z.mod,vX.Y.Z.zip}. The zip is made by
// golang.org/x/mod/zip, the code the go command and module proxies use, so its contents follow
// the module zip rules (no nested modules, no vendor/, size limits). With
// GOPROXY=file://PROXY_DIR,... a Go user resolves the module exactly as from a proxy.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"
)

func main() {
	dir := flag.String("dir", "", "module root (holds go.mod)")
	path := flag.String("module", "", "module path")
	version := flag.String("version", "", "canonical semver, e.g. v0.1.0")
	out := flag.String("out", "", "GOPROXY directory to write into")
	flag.Parse()
	if *dir == "" || *path == "" || *version == "" || *out == "" {
		log.Fatal("gomodzip: -dir, -module, -version and -out are required")
	}
	mv := module.Version{Path: *path, Version: *version}
	if err := module.Check(mv.Path, mv.Version); err != nil {
		log.Fatalf("gomodzip: %v", err)
	}
	escaped, err := module.EscapePath(mv.Path)
	if err != nil {
		log.Fatalf("gomodzip: %v", err)
	}
	vdir := filepath.Join(*out, escaped, "@v")
	must(os.MkdirAll(vdir, 0o755))

	zf, err := os.Create(filepath.Join(vdir, mv.Version+".zip"))
	must(err)
	must(modzip.CreateFromDir(zf, mv, *dir))
	must(zf.Close())

	gomod, err := os.ReadFile(filepath.Join(*dir, "go.mod"))
	must(err)
	must(os.WriteFile(filepath.Join(vdir, mv.Version+".mod"), gomod, 0o644))
	info, err := json.Marshal(struct{ Version, Time string }{mv.Version, time.Now().UTC().Format(time.RFC3339)})
	must(err)
	must(os.WriteFile(filepath.Join(vdir, mv.Version+".info"), info, 0o644))
	must(os.WriteFile(filepath.Join(vdir, "list"), []byte(mv.Version+"\n"), 0o644))
}

func must(err error) {
	if err != nil {
		log.Fatalf("gomodzip: %v", err)
	}
}
