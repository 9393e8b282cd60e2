"""The README's Python quickstart, run as written against the mocks: it must register the
PrivateAgent with the inputs it shows and read agent_arn back."""

import os
import re

import pulumi

from conftest import PRIVATE_AGENT, ROOT, agent_arn


def readme_python_blocks():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        return re.findall(r"^```python\n(.*?)^```", f.read(), flags=re.S | re.M)


def test_readme_has_a_python_quickstart():
    assert len(readme_python_blocks()) == 1


@pulumi.runtime.test
def test_readme_python_quickstart_runs(mocks):
    namespace = {"__name__": "__main__"}
    exec(compile(readme_python_blocks()[0], "README.md:python", "exec"), namespace)
    fleet = namespace["fleet"]

    def check(arn):
        r = mocks.one(PRIVATE_AGENT)
        assert r.inputs["vpcId"] == "vpc-0123456789abcdef0"
        assert r.inputs["agents"] == [{"name": "onprem-1", "address": "192.168.10.5"}]
        assert r.inputs["link"]["mode"] == "existing"
        assert r.inputs["link"]["sourceCidrBlocks"] == ["192.168.0.0/16"]
        assert arn == agent_arn("onprem-1")

    return fleet.agent_arn.apply(check)
