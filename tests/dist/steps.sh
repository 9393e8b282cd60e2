# shellcheck shell=bash
# Sourced by tests/dist/run.sh: reporting, and one language's stack lifecycle against the AWS test
# double. Uses ROOT, TMP, NAME and VERSION from run.sh.

passed=0 failed=0
declare -a TIMES=()
step() { printf -- '-- %s\n' "$*"; }
ok() { printf '  ok: %s\n' "$*"; passed=$((passed + 1)); }
bad() { printf '  FAIL: %s\n' "$*"; failed=$((failed + 1)); }
fail() { bad "$*"; summary; }
check() { # DESCRIPTION COMMAND...
  local what=$1; shift
  if "$@"; then ok "$what"; else bad "$what"; fi
}
absent() { ! grep -rq "$@"; }   # grep's arguments; true when nothing matches
summary() {
  local t
  for t in "${TIMES[@]}"; do printf '  time: %s\n' "$t"; done
  echo "dist: $passed passed, $failed failed"
  (( failed == 0 )) && exit 0 || exit 1
}

REGION=eu-west-2
ACCOUNT=111111111111
VPC=vpc-0d5700000000000a1
SUBNET_A=subnet-0d5700000000000a1
SUBNET_B=subnet-0d5700000000000b2

# The double's world (tests/engine/doubles/aws.ts, interface World): one VPC with two subnets.
write_world() {
  cat >"$1" <<EOF
{
  "region": "$REGION",
  "accountId": "$ACCOUNT",
  "vpcs": { "$VPC": { "cidrBlocks": ["10.0.0.0/16"] } },
  "subnets": {
    "$SUBNET_A": { "vpcId": "$VPC", "availabilityZone": "${REGION}a", "cidrBlock": "10.0.1.0/24", "availableIpAddressCount": 251 },
    "$SUBNET_B": { "vpcId": "$VPC", "availabilityZone": "${REGION}b", "cidrBlock": "10.0.2.0/24", "availableIpAddressCount": 251 }
  }
}
EOF
}

# What a PrivateAgent with an on-premises agent over an existing link creates, at least
# (provider/src/components: the endpoint's security group and its rules, the endpoint, the agent).
EXPECTED_TYPES=(aws:ec2/securityGroup:SecurityGroup aws:ec2/vpcEndpoint:VpcEndpoint aws:datasync/agent:Agent)

# run_language KEY TITLE SETUP_FUNCTION: a fresh project directory, the install, then the stack's
# lifecycle. A failed install skips the lifecycle (and counts as a failure).
run_language() {
  local key=$1 title=$2 setup=$3 dir=$TMP/$1 t0=$SECONDS n=${#TIMES[@]}
  local fake_key="D1ST0-TEST0-FAKE0-KEY00-0000$n" world=$TMP/$1-world.json log=$TMP/$1-aws-double.jsonl
  step "$title"
  mkdir -p "$dir"
  if ! "$setup" "$dir"; then bad "$key: install into a fresh project"; return 0; fi
  ok "$key: installed into a fresh project ($((SECONDS - t0))s)"
  write_world "$world"
  export DSPL_AWS_DOUBLE_WORLD=$world DSPL_AWS_DOUBLE_LOG=$log
  (
    cd "$dir"
    pulumi stack init dist --non-interactive >/dev/null 2>&1
    pulumi config set aws:region "$REGION"
    pulumi config set vpcId "$VPC"
    pulumi config set --path 'endpointSubnetIds[0]' "$SUBNET_A"
    pulumi config set --path 'endpointSubnetIds[1]' "$SUBNET_B"
    pulumi config set --secret manualKey "$fake_key"
  ) || { bad "$key: stack init and config"; return 0; }
  lifecycle "$key" "$dir" "$fake_key" "$log"
  TIMES+=("$key $((SECONDS - t0))s (install, up, destroy)")
}

lifecycle() {
  local key=$1 dir=$2 fake_key=$3 log=$4 arn created
  if ! (cd "$dir" && pulumi up --yes --skip-preview --non-interactive) >"$dir/up.log" 2>&1; then
    bad "$key: pulumi up"; sed 's/^/    /' "$dir/up.log" | tail -n 30; return 0
  fi
  ok "$key: pulumi up"
  arn=$(cd "$dir" && pulumi stack output agentArn 2>/dev/null) || arn=""
  check "$key: stack output agentArn is the double's agent ARN ($arn)" \
    grep -qE "^arn:aws:datasync:$REGION:$ACCOUNT:agent/agent-[0-9a-f]{17}$" <<<"$arn"
  (cd "$dir" && pulumi stack export) >"$dir/state.json"
  check "$key: the engine used the installed plugin at $VERSION (default provider URN)" \
    grep -q "pulumi:providers:$NAME::default_${VERSION//./_}\"" "$dir/state.json"
  check "$key: no command resource (manual activation sends nothing to port 80)" \
    absent '"type": "command:' "$dir/state.json"
  check "$key: the manual key is in neither the up output nor the state files" \
    absent -F -- "$fake_key" "$dir/up.log" "$dir/state.json" "$TMP/state"
  created=$(node "$ROOT/tests/dist/double-log.js" "$log" created | sort -u | tr '\n' ' ')
  local t missing=""
  for t in "${EXPECTED_TYPES[@]}"; do [[ " $created" == *" $t "* ]] || missing+=" $t"; done
  check "$key: the double created the endpoint, its security group and the agent${missing:+ (missing:$missing)}" test -z "$missing"

  if ! (cd "$dir" && pulumi destroy --yes --skip-preview --non-interactive) >"$dir/destroy.log" 2>&1; then
    bad "$key: pulumi destroy"; sed 's/^/    /' "$dir/destroy.log" | tail -n 30; return 0
  fi
  ok "$key: pulumi destroy"
  local live
  live=$(node "$ROOT/tests/dist/double-log.js" "$log" live)
  check "$key: nothing left live in the double's log${live:+ (left: $(tr '\n' ' ' <<<"$live"))}" test -z "$live"
  (cd "$dir" && pulumi stack rm --yes --non-interactive dist) >/dev/null 2>&1 || bad "$key: pulumi stack rm"
}
