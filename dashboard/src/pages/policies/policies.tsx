import { call } from "../../api/api";
import { SelectField } from "../../components/field";
import { PageHeader, Panel } from "../../components/page";
import { useNames } from "../../state/lookups";
import { useSearch } from "../../state/router";
import { useQuery } from "../../state/query";
import { EffectiveView } from "./effective";
import { PolicyEditor } from "./editor";

/** Safety actions and model allow-lists per agent or project, with what applies in the end. */
export function PoliciesPage() {
  const agents = useNames("agents");
  const projects = useQuery(() => call("listProjects", { query: { limit: 100 } }), []);
  const [params, setParams] = useSearch();
  const agent = params.get("agent") ?? "";
  const project = params.get("project") ?? "";
  return (
    <>
      <PageHeader title="Policies" lead="What the safety firewall does with secrets, personal data and injections, and which models may be called. An agent's setting wins over its project's, which wins over the default." />
      <Panel>
        <div class="filters" data-read>
          <SelectField label="Agent" value={agent} onValue={(v) => { setParams({ agent: v, project: null }); }} options={[["", "Choose an agent…"], ...[...agents].map(([id, name]) => [id, name] as const)]} />
          <SelectField label="or project" value={project} onValue={(v) => { setParams({ project: v, agent: null }); }} options={[["", "Choose a project…"], ...(projects.data?.data ?? []).map((p) => [p.id, p.name] as const)]} />
        </div>
        {agent === "" && project === "" && <p class="muted">Pick an agent or a project to see and edit its policy.</p>}
      </Panel>
      {agent !== "" && (
        <div class="grid-2">
          <PolicyEditor key={agent} target={{ type: "agent", id: agent }} />
          <EffectiveView agentId={agent} />
        </div>
      )}
      {project !== "" && <PolicyEditor key={project} target={{ type: "project", id: project }} />}
    </>
  );
}
