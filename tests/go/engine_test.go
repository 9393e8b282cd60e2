package consumer_test

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/auto"
	"github.com/pulumi/pulumi/sdk/v3/go/common/workspace"
	"github.com/pulumi/pulumi/sdk/v3/go/pulumi"

	dspl "github.com/datasync-privatelink/datasync-privatelink/sdk/go/datasyncprivatelink"
)

// TestEngineRunsThePlugin runs a real `pulumi preview` (the Automation API's inline program: no
// language host needed) of a Go program that registers a PrivateAgent, with the plugin found
//
//   - through Pulumi.yaml: plugins: { providers: [ { name: datasync-privatelink, path: <repo>/provider } ] }
//   - through PATH, as a symlink to provider/pulumi-resource-datasync-privatelink in another directory.
//
// Either way the engine must start the launcher for the component, and the provider's own input
// validation ("at least one agent") must come back through the engine. Nothing reaches AWS: the
// provider refuses the inputs before it would create any AWS resource. Needs the `pulumi` CLI on
// PATH (make test-go puts the toolchain's there).
func TestEngineRunsThePlugin(t *testing.T) {
	if _, err := exec.LookPath("pulumi"); err != nil {
		t.Fatal("no pulumi CLI on PATH: run `make test-go`, which puts the toolchain's there")
	}
	root, err := filepath.Abs(filepath.Join("..", ".."))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "build", "provider", "src", "main.js")); err != nil {
		t.Fatal("build/provider/src/main.js is missing: run `make build`")
	}
	launcher := filepath.Join(root, "provider", "pulumi-resource-datasync-privatelink")

	t.Run("Pulumi.yaml plugins.providers path", func(t *testing.T) {
		preview(t, &workspace.Plugins{Providers: []workspace.PluginOptions{
			{Name: "datasync-privatelink", Path: filepath.Join(root, "provider")},
		}}, nil)
	})
	t.Run("PATH via a symlink", func(t *testing.T) {
		bin := t.TempDir()
		if err := os.Symlink(launcher, filepath.Join(bin, "pulumi-resource-datasync-privatelink")); err != nil {
			t.Fatal(err)
		}
		preview(t, nil, map[string]string{"PATH": bin + string(os.PathListSeparator) + os.Getenv("PATH")})
	})
}

func preview(t *testing.T, plugins *workspace.Plugins, extraEnv map[string]string) {
	t.Helper()
	home, state, work := t.TempDir(), t.TempDir(), t.TempDir()
	env := map[string]string{
		"PULUMI_BACKEND_URL":                          "file://" + state,
		"PULUMI_CONFIG_PASSPHRASE":                    "test",
		"PULUMI_SKIP_UPDATE_CHECK":                    "true",
		"PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION": "true",
		"PULUMI_DISABLE_REGISTRY_RESOLVE":             "true",
		"PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK":    "true",
	}
	for k, v := range extraEnv {
		env[k] = v
	}
	project := workspace.Project{
		Name:    "dspl-engine-test",
		Runtime: workspace.NewProjectRuntimeInfo("go", nil),
		Plugins: plugins,
	}
	program := func(ctx *pulumi.Context) error {
		_, err := dspl.NewPrivateAgent(ctx, "engine", &dspl.PrivateAgentArgs{
			VpcId:             pulumi.String("vpc-0123456789abcdef0"),
			EndpointSubnetIds: pulumi.ToStringArray([]string{"subnet-0aaa1111bbbb2222c"}),
			Agents:            []dspl.AgentSpecArgs{}, // refused by the provider: at least one agent
		})
		return err
	}
	ctx := context.Background()
	stack, err := auto.UpsertStackInlineSource(ctx, "dev", "dspl-engine-test", program,
		auto.Project(project), auto.WorkDir(work), auto.PulumiHome(home), auto.EnvVars(env))
	if err != nil {
		t.Fatalf("creating the stack: %v", err)
	}
	_, err = stack.Preview(ctx)
	if err == nil {
		t.Fatal("preview succeeded; expected the provider to refuse an empty agents list")
	}
	if msg := err.Error(); !strings.Contains(msg, "at least one agent is required") {
		t.Fatalf("the provider's validation did not come back from the engine:\n%s", msg)
	}
}
