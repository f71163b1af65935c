"""Official clients constructed inside a run talk to the gateway on the run's lease; clients constructed outside are
untouched. The `openai`/`anthropic` packages are not installable here: the stand-ins in support/fake_clients
reproduce their documented constructor defaults and requests, and the calls go to the live gateway."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any, Dict, List

import pytest

import iron_sdk
from iron_sdk import BudgetConfig, BudgetExceededError, SafetyBlockedError, current_run, protect_agent
from support.admin import Admin, AgentUnderTest, micros

OPENAI_CALL = {"model": "gpt-4o-mini", "max_tokens": 20, "messages": [{"role": "user", "content": "hello"}]}
ANTHROPIC_CALL = {"model": "claude-3-5-haiku", "max_tokens": 20, "messages": [{"role": "user", "content": "hello"}]}
SRC = Path(__file__).resolve().parent.parent / "src"


@pytest.mark.usefixtures("fake_clients")
def test_clients_inside_a_run_spend_from_its_lease(admin: Admin, agent: AgentUnderTest, stack: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import anthropic
    import openai

    monkeypatch.setenv("OPENAI_API_KEY", "sk-real-user-key-outside")
    outside = openai.OpenAI()
    with iron_sdk.budget(0.2, tags={"job": "redirect"}) as run:
        inside = openai.OpenAI()
        claude = anthropic.Anthropic()
        assert inside.base_url == f"{stack.url}/v1" == run.openai_base_url
        assert inside.api_key == run.api_key and inside.api_key.startswith("icl_")
        assert inside.default_headers["x-iron-lease"] == run.api_key and inside.default_headers["x-iron-tags"] == "job=redirect"
        assert claude.base_url == stack.url and claude.api_key == run.api_key
        answer = inside.chat.completions.create(**OPENAI_CALL)
        message = claude.messages.create(**ANTHROPIC_CALL)
        assert answer["choices"][0]["message"]["content"] and message["content"][0]["text"]
        assert run.spent_usd > 0
        spent = run.spent_usd
    assert outside.base_url == "https://api.openai.com/v1" and outside.api_key == "sk-real-user-key-outside"
    assert "x-iron-lease" not in outside.default_headers
    assert micros(admin.settled_agent(agent.id)["spent_usd"]) == round(spent * 1e6), "every call was charged to the lease"
    after = openai.OpenAI()
    assert after.base_url == "https://api.openai.com/v1", "a client constructed after the run is untouched"


@pytest.mark.usefixtures("fake_clients")
def test_explicit_arguments_win_and_other_hosts_never_see_the_lease(agent: AgentUnderTest, monkeypatch: pytest.MonkeyPatch) -> None:
    import openai

    with iron_sdk.budget(0.1) as run:
        azure = openai.OpenAI(base_url="https://example.openai.azure.com/openai", api_key="azure-key")
        assert azure.api_key == "azure-key" and "x-iron-lease" not in azure.default_headers
        own_key = openai.OpenAI(api_key=agent.token)  # the agent token, pointed at the gateway: the header keeps it on the lease
        assert own_key.api_key == agent.token and own_key.default_headers["x-iron-lease"] == run.api_key
        own_key.chat.completions.create(**OPENAI_CALL)
        assert run.spent_usd > 0
        monkeypatch.setenv("ANTHROPIC_AUTH_TOKEN", "sk-ant-oauth-user-token")
        import anthropic

        assert anthropic.Anthropic().auth_token == run.api_key, "an ambient auth token would otherwise go to the gateway"


@pytest.mark.usefixtures("fake_clients")
def test_clients_in_threads_and_tasks_get_their_own_run(agent: AgentUnderTest) -> None:
    import openai

    keys: Dict[str, str] = {}
    leases: Dict[str, str] = {}

    def in_thread(name: str) -> None:
        with iron_sdk.budget(0.05) as run:
            keys[name], leases[name] = openai.OpenAI().api_key, run.api_key

    threads = [threading.Thread(target=in_thread, args=(n,)) for n in ("t1", "t2")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)

    @protect_agent(budget=BudgetConfig(max_usd=0.05))
    async def task(name: str) -> None:
        await asyncio.sleep(0.01)
        client = openai.AsyncOpenAI()
        run = current_run()
        assert run is not None
        keys[name], leases[name] = client.api_key, run.api_key
        await client.chat.completions.create(**OPENAI_CALL)

    async def main() -> None:
        await asyncio.gather(task("a1"), task("a2"))

    asyncio.run(main())
    assert keys == leases and len(set(keys.values())) == 4


@pytest.mark.usefixtures("fake_clients")
def test_an_official_client_refusal_becomes_an_iron_exception(agent: AgentUnderTest) -> None:
    import openai

    @protect_agent(budget=BudgetConfig(max_usd=0.02))
    def spendthrift() -> None:
        client = openai.OpenAI()
        while True:
            client.chat.completions.create(model="gpt-4o", max_tokens=1000, messages=[{"role": "user", "content": "[[mock:reply_tokens=1000]]"}])

    with pytest.raises(BudgetExceededError) as caught:
        spendthrift()
    assert isinstance(caught.value.__cause__, openai.RateLimitError)
    assert caught.value.limit == pytest.approx(0.02) and caught.value.spent is not None and caught.value.spent <= 0.02

    with pytest.raises(SafetyBlockedError) as blocked:
        with iron_sdk.budget(0.05):
            openai.OpenAI().chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7c2n\n-----END RSA PRIVATE KEY-----"}])
    assert blocked.value.categories == ("secrets",)


def test_a_client_imported_lazily_inside_a_run_is_redirected(agent: AgentUnderTest, stack: Any) -> None:
    """In a fresh interpreter: `openai` is imported for the first time inside the run (as some frameworks do)."""
    script = (
        "import sys, iron_sdk\n"
        "with iron_sdk.budget(0.05) as run:\n"
        "    assert 'openai' not in sys.modules\n"
        "    import openai\n"
        "    client = openai.OpenAI()\n"
        "    print(client.base_url == run.openai_base_url, client.api_key == run.api_key)\n"
        "print(openai.OpenAI(api_key='k').base_url)\n"
    )
    fake = Path(__file__).resolve().parent / "support" / "fake_clients"
    paths = [str(fake)] if os.environ.get("IRON_SDK_TEST_INSTALLED") == "1" else [str(SRC), str(fake)]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(paths)}
    env.pop("OPENAI_BASE_URL", None)
    done = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    lines: List[str] = done.stdout.splitlines()
    assert lines == ["True True", "https://api.openai.com/v1"]


@pytest.mark.usefixtures("fake_clients")
def test_a_provider_key_given_inside_a_run_is_never_sent_to_the_gateway(agent: AgentUnderTest, stack: Any) -> None:
    import anthropic
    import openai

    provider_key = "sk-proj-real-provider-key-0123456789"
    with iron_sdk.budget(0.1) as run:
        implicit = openai.OpenAI(api_key=provider_key)  # no base_url: it goes to the gateway
        explicit = openai.OpenAI(api_key=provider_key, base_url=run.openai_base_url)
        claude = anthropic.Anthropic(api_key="sk-ant-real-key", auth_token="sk-ant-oat-real-token")
        real_openai = openai.OpenAI(api_key=provider_key, base_url="https://api.openai.com/v1")
        for client in (implicit, explicit, claude):
            assert client.api_key == run.api_key
        assert claude.auth_token == run.api_key
        assert real_openai.api_key == provider_key and "x-iron-lease" not in real_openai.default_headers
        implicit.chat.completions.create(**OPENAI_CALL)  # accepted: the gateway got the lease token, not the sk- key
        claude.messages.create(**ANTHROPIC_CALL)
        iron_sdk.Client(api_key=provider_key).chat.completions.create(**OPENAI_CALL)
        assert run.request_count == 1 and run.spent_usd > 0
