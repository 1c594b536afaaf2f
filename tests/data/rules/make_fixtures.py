#!/usr/bin/python3
"""Writes the rule fixtures of tests/data/rules (document JSON, SPEC §3 layout).

    /usr/bin/python3 tests/data/rules/make_fixtures.py      # rewrites the *.json here

The fixtures are committed; this script documents how each one was made and regenerates
them. Naming (read by tests/unit/validate/fixtures.c):

    <RULE>-pass-NN[-lenient].json            the rule must not fire
    <RULE>-fail-NN[-xK][-lenient].json       the rule fires exactly K times (default 1)
    <same stem>.last.json + <stem>.this.json a pair for ogi_validate_pair() (cross-report rules)
    cli/*.json                               inputs of the command-line tests only

`-lenient` validates with OGI_RULESET_LENIENT (default strict). In every fixture no rule
other than <RULE> may give an error-severity diagnostic.

The base reports are consistent: every sum equation of their edition holds, their narrative
agrees with their tables, and they were published in time. Each fixture changes a few cells.
"""
import copy
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))

APPLICANTS = ["natural_person", "commercial", "research", "social_welfare", "legal_service",
              "other_org"]
RESULTS_COMMON = ["granted", "partially_granted", "denied_state_secret", "denied_prohibited_by_law",
                  "denied_security_stability", "denied_third_party_rights",
                  "denied_internal_affairs", "denied_process_info", "denied_enforcement_files",
                  "denied_query_matters", "unable_not_held", "unable_needs_creation",
                  "unable_unclear", "declined_petition", "declined_duplicate",
                  "declined_publications", "declined_excessive", "declined_confirm_reissue"]
RESULTS = {"2021": RESULTS_COMMON + ["other_no_correction", "other_unpaid_fee", "other_misc"],
           "2019": RESULTS_COMMON + ["other"]}
GROUPS = ["review", "litigation_direct", "litigation_after_review"]


def row(values):
    """A table-3 row from the six applicant values, with its total."""
    r = dict(zip(APPLICANTS, values))
    r["total"] = sum(values)
    return r


def applications(edition):
    """A consistent table 3: result rows, carried_forward and carried_over chosen, new_received
    solved from the balance."""
    rows = {}
    for i, key in enumerate(RESULTS[edition]):
        # a sparse but varied pattern: natural persons apply most
        vals = [(i * 7 + 3) % 5 if i % 3 == 0 else 0,
                1 if i % 4 == 1 else 0,
                0,
                1 if i == 2 else 0,
                0,
                1 if i % 5 == 4 else 0]
        rows[key] = row(vals)
    handled = [sum(rows[k][a] for k in RESULTS[edition]) for a in APPLICANTS]
    forward = [2, 1, 0, 0, 0, 0]
    over = [1, 1, 0, 0, 0, 0]
    new = [h + f - o for h, f, o in zip(handled, forward, over)]
    assert min(new) >= 0
    out = {"new_received": row(new), "carried_over": row(over)}
    out.update(rows)
    out["total_handled"] = row(handled)
    out["carried_forward"] = row(forward)
    return out


def review_litigation():
    def group(u, c, o, p):
        return {"upheld": u, "corrected": c, "other": o, "pending": p, "total": u + c + o + p}
    return {"review": group(2, 1, 0, 1), "litigation_direct": group(1, 0, 1, 0),
            "litigation_after_review": group(0, 0, 0, 1)}


def sections(app, rl, year):
    rec = app["new_received"]["total"]
    rev = rl["review"]["total"]
    lit = rl["litigation_direct"]["total"] + rl["litigation_after_review"]["total"]
    return {
        "overview": f"{year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。",
        "active": "全年主动公开政府信息1200条。",
        "applications": f"全年共收到政府信息公开申请{rec}件，均已按时答复。",
        "review_litigation": f"全年发生政府信息公开行政复议{rev}件，行政诉讼{lit}件。",
        "problems": "政府信息公开工作仍存在公开内容不够全面等问题，下一步将加强培训。",
        "other": "本年度未收取信息处理费。",
    }


def base_2021():
    app = applications("2021")
    rl = review_litigation()
    return {
        "schema": "ogi-report/1",
        "kind": "annual_report",
        "template": "2021",
        "meta": {"title": "资兴市2021年政府信息公开工作年度报告", "agency": "资兴市人民政府",
                 "year": 2021, "published": "2022-01-20"},
        "active": {
            "regulations": {"issued": 1, "repealed": 0, "in_force": 12},
            "normative_documents": {"issued": 25, "repealed": 2, "in_force": 140},
            "licensing": {"decisions": 3120},
            "punishment": {"decisions": 211},
            "coercion": {"decisions": 7},
            "fees": {"amount": 4158.21},
        },
        "applications": app,
        "review_litigation": rl,
        "sections": sections(app, rl, 2021),
    }


def base_2019():
    app = applications("2019")
    rl = review_litigation()
    return {
        "schema": "ogi-report/1",
        "kind": "annual_report",
        "template": "2019",
        "meta": {"title": "资兴市2020年政府信息公开工作年度报告", "agency": "资兴市人民政府",
                 "year": 2020, "published": "2021-03-01"},
        "active": {
            "regulations": {"new_made": 1, "new_published": 1, "total_published": 10},
            "normative_documents": {"new_made": 20, "new_published": 20, "total_published": 115},
            "licensing": {"prev_items": 120, "change": -3, "decisions": 3000},
            "other_services": {"prev_items": 40, "change": 2, "decisions": 500},
            "punishment": {"prev_items": 60, "change": 0, "decisions": 200},
            "coercion": {"prev_items": 10, "change": 1, "decisions": 6},
            "fees": {"prev_items": 3, "change": 0},
            "procurement": {"items": 12, "amount": 356.5},
        },
        "applications": app,
        "review_litigation": rl,
        "sections": sections(app, rl, 2020),
    }


def base_legacy():
    lg = {
        "proactive_total": 613, "proactive_normative_docs": 12, "normative_docs_issued": 14,
        "channel_gazette": 20, "channel_website": 580, "channel_weibo": 90, "channel_wechat": 88,
        "channel_other": 5, "responses_hot_topics": 3, "press_conferences": 4,
        "press_conferences_leader": 2, "online_interviews": 3, "online_interviews_leader": 1,
        "policy_interpretations": 15, "weibo_wechat_responses": 6, "other_responses": 1,
        "requests_in_person": 3, "requests_fax": 0, "requests_online": 9, "requests_letter": 2,
        "concluded_on_time": 13, "concluded_extended": 1,
        "reply_already_public": 4, "reply_granted": 5, "reply_partially_granted": 1,
        "denied_state_secret": 0, "denied_trade_secret": 1, "denied_privacy": 0,
        "denied_security_stability": 0, "denied_not_government_info": 1, "denied_other_legal": 0,
        "reply_not_this_agency": 1, "reply_not_exist": 1, "reply_amend": 0,
        "reply_other_channel": 0,
        "review_upheld": 1, "review_corrected": 0, "review_other": 0,
        "litigation_upheld": 0, "litigation_corrected": 0, "litigation_other": 0,
        "complaints_upheld": 0, "complaints_corrected": 0, "complaints_other": 0,
        "fees": 0, "bodies": 1, "reading_points": 2, "staff_full_time": 1,
        "staff_part_time": 3, "funding": 1.5, "meetings": 2, "trainings": 1, "trainees": 30,
    }
    lg["requests_received"] = sum(lg[k] for k in ["requests_in_person", "requests_fax",
                                                  "requests_online", "requests_letter"])
    lg["requests_concluded"] = lg["concluded_on_time"] + lg["concluded_extended"]
    lg["reply_denied"] = sum(lg[k] for k in ["denied_state_secret", "denied_trade_secret",
                                             "denied_privacy", "denied_security_stability",
                                             "denied_not_government_info", "denied_other_legal"])
    lg["replies_total"] = sum(lg[k] for k in ["reply_already_public", "reply_granted",
                                              "reply_partially_granted", "reply_denied",
                                              "reply_not_this_agency", "reply_not_exist",
                                              "reply_amend", "reply_other_channel"])
    for g in ["review", "litigation", "complaints"]:
        lg[g + "_total"] = sum(lg[f"{g}_{k}"] for k in ["upheld", "corrected", "other"])
    lg["staff_total"] = lg["staff_full_time"] + lg["staff_part_time"]
    return {
        "schema": "ogi-report/1",
        "kind": "annual_report",
        "template": "legacy",
        "meta": {"title": "临安区2017年政府信息公开工作年度报告", "agency": "临安区人民政府",
                 "year": 2017, "published": "2018-03-15"},
        "legacy": lg,
        "sections": {
            "overview": "2017年，我区认真贯彻落实《条例》。",
            "applications": f"全年共收到政府信息公开申请{lg['requests_received']}件。",
            "review_litigation": f"全年发生政府信息公开行政复议{lg['review_total']}件。",
        },
    }


def narrate(doc):
    """Re-derives the narrative from the tables (after cells were changed)."""
    if doc["template"] in ("2021", "2019"):
        doc["sections"].update({k: v for k, v in sections(doc["applications"],
                                                          doc["review_litigation"],
                                                          doc["meta"]["year"]).items()
                                if k in doc["sections"]})
    return doc


FIXTURES = {}


def fx(name, doc):
    assert name not in FIXTURES, name
    FIXTURES[name] = doc


def add(doc, path, delta):
    node = doc
    keys = path.split(".")
    for k in keys[:-1]:
        node = node[k]
    node[keys[-1]] = round(node[keys[-1]] + delta, 4) if isinstance(delta, float) else \
        node[keys[-1]] + delta
    return doc


def setv(doc, path, value):
    node = doc
    keys = path.split(".")
    for k in keys[:-1]:
        node = node[k]
    node[keys[-1]] = value
    return doc


def delete(doc, path):
    node = doc
    keys = path.split(".")
    for k in keys[:-1]:
        node = node[k]
    del node[keys[-1]]
    return doc


def detail(doc, path, state, value=None, raw=None):
    cell = {"state": state, "value": value}
    if raw is not None:
        cell["raw"] = raw
    doc.setdefault("cells", {})[path] = cell
    return doc


def make():
    b21, b19, blg = base_2021(), base_2019(), base_legacy()
    c = copy.deepcopy

    # ---- sum rules -----------------------------------------------------------------------
    fx("T3-BALANCE-pass-01", c(b21))
    fx("T3-BALANCE-pass-02", c(b19))
    d = c(b21)
    add(d, "applications.new_received.natural_person", 1)
    add(d, "applications.new_received.total", 1)
    fx("T3-BALANCE-fail-01-x2", narrate(d))
    d = c(b19)
    add(d, "applications.carried_over.commercial", 2)
    add(d, "applications.carried_over.total", 2)
    fx("T3-BALANCE-fail-02-x2", narrate(d))
    d = c(FIXTURES["T3-BALANCE-fail-01-x2"])  # with source positions (the CLI tests)
    for i, col in enumerate(APPLICANTS + ["total"]):
        detail(d, f"applications.total_handled.{col}", "value",
               d["applications"]["total_handled"][col])
        d["cells"][f"applications.total_handled.{col}"]["position"] = {"line": 120,
                                                                       "column": 1 + 4 * i}
    fx("T3-BALANCE-fail-03-x2", d)

    fx("T3-ROW-TOTAL-pass-01", c(b21))
    d = c(b21)
    add(d, "applications.granted.total", 1)
    add(d, "applications.partially_granted.total", -1)
    fx("T3-ROW-TOTAL-fail-01-x2", d)
    d = c(b19)
    add(d, "applications.new_received.total", 1)
    add(d, "applications.carried_over.total", -1)
    fx("T3-ROW-TOTAL-fail-02-x2", narrate(d))

    fx("T3-RESULT-SUM-pass-01", c(b21))
    fx("T3-RESULT-SUM-pass-02", c(b19))
    for n, base in (("01", b21), ("02", b19)):
        d = c(base)
        for col in ("natural_person", "total"):
            add(d, f"applications.total_handled.{col}", 1)
            add(d, f"applications.carried_forward.{col}", -1)
        fx(f"T3-RESULT-SUM-fail-{n}-x2", d)
    d = c(b19)  # the 2019 edition's single （六）其他处理 row takes part in the sum
    add(d, "applications.other.legal_service", 1)
    add(d, "applications.other.total", 1)
    fx("T3-RESULT-SUM-fail-03-x2", d)

    fx("T4-SUM-pass-01", c(b21))
    d = c(b21)
    add(d, "review_litigation.review.upheld", 1)
    fx("T4-SUM-fail-01", d)
    d = c(b19)
    add(d, "review_litigation.litigation_after_review.total", 2)
    add(d, "review_litigation.litigation_direct.pending", 3)
    fx("T4-SUM-fail-02-x2", narrate(d))

    fx("LEGACY-SUM-pass-01", c(blg))
    d = c(blg)
    add(d, "legacy.requests_in_person", 1)
    fx("LEGACY-SUM-fail-01", d)
    d = c(blg)
    add(d, "legacy.reply_granted", 1)
    fx("LEGACY-SUM-fail-02", d)
    d = c(blg)
    add(d, "legacy.staff_full_time", 1)
    add(d, "legacy.complaints_other", 2)
    fx("LEGACY-SUM-fail-03-x2", d)

    # ---- value range ---------------------------------------------------------------------
    fx("VALUE-RANGE-pass-01", c(b19))  # negative `change` is allowed
    d = c(b21)
    setv(d, "active.licensing.decisions", -1)
    fx("VALUE-RANGE-fail-01", d)
    d = c(b21)
    setv(d, "active.fees.amount", -0.5)
    fx("VALUE-RANGE-fail-02", d)
    d = c(b19)
    setv(d, "active.procurement.items", -2)
    setv(d, "active.fees.change", -5)  # signed: allowed
    fx("VALUE-RANGE-fail-03", d)
    d = c(blg)
    setv(d, "legacy.funding", -1.5)
    fx("VALUE-RANGE-fail-04", d)

    # ---- completeness --------------------------------------------------------------------
    fx("CELL-BLANK-pass-01", c(b21))
    d = c(b21)
    assert d["applications"]["granted"]["research"] == 0
    setv(d, "applications.granted.research", None)
    fx("CELL-BLANK-pass-02-lenient", d)
    fx("CELL-BLANK-fail-01", c(d))
    d = c(b21)
    del d["review_litigation"]
    d["sections"]["review_litigation"] = "无。"
    fx("CELL-BLANK-fail-02", d)
    d = c(b21)
    del d["applications"]["other_unpaid_fee"]
    fx("CELL-BLANK-fail-03", d)
    d = c(blg)
    setv(d, "legacy.trainings", None)
    delete(d, "legacy.trainees")
    fx("CELL-BLANK-fail-04-x2", d)
    d = c(b21)
    for r in d["applications"].values():
        for k in r:
            r[k] = None
    d["sections"]["applications"] = "见下表。"
    fx("CELL-BLANK-fail-05", d)
    d = c(b21)
    detail(d, "applications.granted.research", "na", None, "—")
    fx("CELL-BLANK-fail-06", d)
    d = c(b21)  # a placeholder outside the sums: "not applicable", no finding
    for col in ("issued", "repealed", "in_force"):
        detail(d, f"active.regulations.{col}", "na", None, "——")
    fx("CELL-BLANK-pass-04", d)
    d = c(b21)
    delete(d, "applications.granted.research")
    fx("CELL-BLANK-fail-07-lenient", d)
    d = c(blg)  # seed 002/003: a local table without the complaints rows
    for k in ("complaints_total", "complaints_upheld", "complaints_corrected", "complaints_other"):
        delete(d, f"legacy.{k}")
    fx("CELL-BLANK-fail-08", d)
    d = c(b21)  # the 2019 rows in a 2021 table: the three 其他处理 rows are missing
    for k in ("other_no_correction", "other_unpaid_fee", "other_misc"):
        del d["applications"][k]
    fx("CELL-BLANK-fail-09", d)
    d = c(b21)
    detail(d, "applications.granted.research", "na", None, "—")
    fx("CELL-BLANK-pass-03-lenient", d)

    fx("CELL-INFERRED-pass-01", c(b21))
    d = c(b21)
    detail(d, "applications.granted.research", "inferred", 0, "")
    fx("CELL-INFERRED-fail-01", d)
    d = c(blg)
    detail(d, "legacy.requests_received", "inferred", d["legacy"]["requests_received"], "")
    detail(d, "legacy.review_total", "inferred", d["legacy"]["review_total"], "l")
    fx("CELL-INFERRED-fail-02-x2", d)

    fx("CELL-INVALID-pass-01", c(b21))
    d = c(b21)
    detail(d, "applications.granted.research", "invalid", None, "O")
    fx("CELL-INVALID-fail-01", d)

    fx("SECTION-MISSING-pass-01", c(b21))
    fx("SECTION-MISSING-pass-02", c(blg))  # legacy reports: not applicable
    d = c(b21)
    del d["sections"]["problems"]
    fx("SECTION-MISSING-fail-01", d)
    d = c(b19)
    del d["sections"]["other"]
    del d["sections"]["overview"]
    fx("SECTION-MISSING-fail-02-x2", d)

    fx("TEMPLATE-UNKNOWN-pass-01", c(b21))
    fx("TEMPLATE-UNKNOWN-fail-01", {
        "schema": "ogi-report/1", "kind": "annual_report", "template": "unknown",
        "meta": {"title": "某县2021年政府信息公开工作年度报告", "agency": "某县人民政府",
                 "year": 2021, "published": "2022-03-01"},
        "sections": {"overview": "本年度工作情况如下。"}})

    fx("META-MISSING-pass-01", c(b21))
    d = c(b21)
    delete(d, "meta.published")
    fx("META-MISSING-fail-01", d)
    d = c(b21)
    setv(d, "meta.year", None)
    delete(d, "meta.published")
    fx("META-MISSING-fail-02-x2", d)
    d = c(b21)
    delete(d, "meta.agency")
    fx("META-MISSING-fail-03", d)

    fx("KIND-OTHER-pass-01", c(b21))
    fx("KIND-OTHER-fail-01", {
        "schema": "ogi-report/1", "kind": "other",
        "meta": {"title": "资兴市2021年上半年政务公开工作总结", "year": 2021,
                 "published": "2021-07-02"},
        "sections": {}})

    # ---- consistency ---------------------------------------------------------------------
    fx("TEMPLATE-YEAR-pass-01", c(b21))
    fx("TEMPLATE-YEAR-pass-02", c(b19))
    fx("TEMPLATE-YEAR-pass-03", c(blg))
    d = c(blg)  # seed 003: a 2020 report on the legacy table
    setv(d, "meta.year", 2020)
    setv(d, "meta.published", "2021-01-22")
    setv(d, "meta.agency", "衡山縣城市管理和綜合執法局")
    fx("TEMPLATE-YEAR-fail-01", d)
    d = c(b19)
    setv(d, "meta.year", 2021)
    setv(d, "meta.published", "2022-01-20")
    fx("TEMPLATE-YEAR-fail-02", narrate(d))
    d = c(b21)
    setv(d, "meta.year", 2020)
    setv(d, "meta.published", "2021-01-20")
    fx("TEMPLATE-YEAR-fail-03", narrate(d))

    fx("TEXT-TABLE-pass-01", c(b21))
    d = c(b21)
    rec = d["applications"]["new_received"]["total"]
    over = d["applications"]["carried_over"]["total"]
    d["sections"]["applications"] = (f"全年共收到政府信息公开申请{rec + over}件（含上年结转{over}件），"
                                     "均已按时答复。")
    fx("TEXT-TABLE-pass-02", d)
    d = c(b21)
    d["sections"]["review_litigation"] = (
        f"全年发生政府信息公开行政复议{d['review_litigation']['review']['total']}件，"
        "未发生行政复议被纠错的情况；行政诉讼" +
        str(d["review_litigation"]["litigation_direct"]["total"] +
            d["review_litigation"]["litigation_after_review"]["total"]) + "件。")
    fx("TEXT-TABLE-pass-03", d)
    d = c(b21)
    d["sections"]["applications"] = "全年共收到政府信息公开申请99件，均已按时答复。"
    fx("TEXT-TABLE-fail-01", d)
    d = c(blg)  # seed 002: traditional characters, a negation against the table
    setv(d, "meta.agency", "於潛鎮")
    d["sections"]["review_litigation"] = "2017年度，未出現因政府信息公開申請行政復議、提起行政訴訟的情況。"
    fx("TEXT-TABLE-fail-02", d)
    d = c(b21)
    d["sections"]["review_litigation"] = "全年发生政府信息公开行政复议十二件。"
    fx("TEXT-TABLE-fail-03", d)
    d = c(b21)
    d["sections"]["applications"] = "本年度未收到政府信息公开申请。"
    d["sections"]["review_litigation"] = "全年发生行政复议两起，行政诉讼20件。"
    fx("TEXT-TABLE-fail-04-x3", d)

    # ---- timeliness ----------------------------------------------------------------------
    d = c(b21)
    setv(d, "meta.published", "2022-03-31")
    fx("PUBLISHED-LATE-pass-01", d)
    d = c(b21)
    setv(d, "meta.agency", "资兴市教育局")
    setv(d, "meta.published", "2022-01-31")
    fx("PUBLISHED-LATE-pass-02", d)
    d = c(blg)
    setv(d, "meta.agency", "临安区教育局")
    setv(d, "meta.published", "2018-03-30")
    fx("PUBLISHED-LATE-pass-03", d)
    d = c(b21)
    setv(d, "meta.agency", "资兴市")  # a place name is a government
    setv(d, "meta.published", "2022-03-01")
    fx("PUBLISHED-LATE-pass-04", d)
    d = c(b21)
    setv(d, "meta.agency", "资兴市教育局")
    setv(d, "meta.published", "2022-02-01")
    fx("PUBLISHED-LATE-fail-01", d)
    d = c(b21)
    setv(d, "meta.published", "2022-04-01")
    fx("PUBLISHED-LATE-fail-02", d)
    d = c(b21)
    setv(d, "meta.agency", "资兴市人民政府办公室")
    setv(d, "meta.published", "2022-02-15")
    fx("PUBLISHED-LATE-fail-03", d)
    d = c(blg)
    setv(d, "meta.published", "2018-04-02")
    fx("PUBLISHED-LATE-fail-04", d)
    d = c(b19)
    setv(d, "meta.agency", "衡山縣城市管理和綜合執法局")
    setv(d, "meta.published", "2021-02-02")
    fx("PUBLISHED-LATE-fail-05", d)

    # ---- cross-report --------------------------------------------------------------------
    def next_year(last, edition_base):
        d = c(edition_base)
        setv(d, "meta.year", last["meta"]["year"] + 1)
        setv(d, "meta.published", f"{last['meta']['year'] + 2}-01-20")
        fwd = last["applications"]["carried_forward"]
        # this year's carried_over = last year's carried_forward; keep the balance by
        # moving the difference to new_received
        for col in APPLICANTS + ["total"]:
            diff = fwd[col] - d["applications"]["carried_over"][col]
            d["applications"]["carried_over"][col] += diff
            d["applications"]["new_received"][col] -= diff
        assert min(d["applications"]["new_received"].values()) >= 0
        if d["template"] == "2021" and last["template"] == "2021":
            for r in ("regulations", "normative_documents"):
                a = d["active"][r]
                a["in_force"] = last["active"][r]["in_force"] + a["issued"] - a["repealed"]
        return narrate(d)

    last21 = c(b21)
    this22 = next_year(last21, b21)
    last20 = c(b19)
    this21 = next_year(last20, b21)

    def pair(name, last, this):
        fx(name + ".last", last)
        fx(name + ".this", this)

    pair("CARRYOVER-pass-01", last21, this22)
    pair("CARRYOVER-pass-02", last20, this21)
    d = c(this22)
    add(d, "applications.carried_over.natural_person", 1)
    add(d, "applications.carried_over.total", 1)
    pair("CARRYOVER-fail-01-x2", last21, d)
    d = c(this21)
    add(d, "applications.carried_over.research", 3)
    pair("CARRYOVER-fail-02", last20, d)

    pair("IN-FORCE-ROLL-pass-01", last21, this22)
    pair("IN-FORCE-ROLL-pass-02", last20, this21)  # last year is 2019 edition: not applicable
    d = c(this22)
    add(d, "active.regulations.in_force", 2)
    pair("IN-FORCE-ROLL-fail-01", last21, d)
    d = c(this22)
    add(d, "active.regulations.in_force", -1)
    add(d, "active.normative_documents.repealed", 1)
    pair("IN-FORCE-ROLL-fail-02-x2", last21, d)

    pair("PAIR-MISMATCH-pass-01", last21, this22)
    d = c(this22)
    setv(d, "meta.year", 2023)
    setv(d, "meta.published", "2024-01-20")
    pair("PAIR-MISMATCH-fail-01", last21, d)
    d = c(this22)
    setv(d, "meta.agency", "郴州市人民政府")
    pair("PAIR-MISMATCH-fail-02", last21, d)
    pair("PAIR-MISMATCH-fail-03", c(blg), this22)

    # ---- for the command-line tests only (tests/cmake/rules.cmake), not rule fixtures ------
    d = c(b21)  # one wrong cell, named as the suspect of two rules
    add(d, "applications.granted.natural_person", 1)
    fx("cli/suspect", d)
    return FIXTURES


def main():
    os.makedirs(os.path.join(HERE, "cli"), exist_ok=True)
    for sub in (HERE, os.path.join(HERE, "cli")):
        for old in os.listdir(sub):
            if old.endswith(".json"):
                os.remove(os.path.join(sub, old))
    for name, doc in sorted(make().items()):
        with open(os.path.join(HERE, name + ".json"), "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(f"{len(FIXTURES)} fixtures written to {HERE}")


if __name__ == "__main__":
    main()
