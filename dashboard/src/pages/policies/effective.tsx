import { call } from "../../api/api";
import { QueryView } from "../../components/feedback";
import { Panel } from "../../components/page";
import { useQuery } from "../../state/query";
import { CATEGORIES, DIRECTIONS } from "./policy-form";

/** The policy the gateway applies to an agent, and which level each action comes from. */
export function EffectiveView({ agentId }: { agentId: string }) {
  const q = useQuery(() => call("getEffectivePolicy", { params: { id: agentId } }), [agentId]);
  return (
    <Panel title="What applies">
      <QueryView query={q}>
        {(p) => (
          <>
            <div class="table-wrap">
              <table>
                <caption>Effective safety actions (source in grey).</caption>
                <thead>
                  <tr>
                    <th scope="col">Category</th>
                    {DIRECTIONS.map((d) => <th key={d} scope="col">{d === "input" ? "Request" : "Answer"}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {CATEGORIES.map((c) => (
                    <tr key={c}>
                      <th scope="row">{c}</th>
                      {DIRECTIONS.map((d) => (
                        <td key={d}>
                          <span class={`badge ${p.safety[d][c]}`}>{p.safety[d][c]}</span> <span class="muted">{p.sources[d][c]}</span>
                        </td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p>Models: {p.models.allow === null ? <span class="muted">every model of its providers</span> : p.models.allow.join(", ") || <em>none</em>}</p>
          </>
        )}
      </QueryView>
    </Panel>
  );
}
