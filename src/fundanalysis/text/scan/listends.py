"""Where a list of parts after 其中 ends before the sentence does.

At a figure beside the list (另有…), inside a part already listed, or of another kind than the
parts: a use or a move of the money (支出, 结转, 下达乡镇, 完成投资 …) after parts that name its
sources (``list_end``); and at a second breakdown of the same whole (…，全部用于产业项目，其中
…; …，分别用于…; …，按用途分，…: ``second_list``).
"""

from __future__ import annotations

import re

from fundanalysis.text.scan import clauses as c
from fundanalysis.text.scan.context import Context
from fundanalysis.text.scan.figures import Figure

# A figure the list does not hold: besides it (另有社会捐赠50万元, 上年结转资金30万元一并使用).
_BESIDES = re.compile(r"另有|另安排|另外|此外|还有|一并|上年结转")
#: A label that names a use or a move of money at its head (支出400万元, 全年累计支出, 已拨付,
#: 结转, 下达乡镇, 完成投资), not a source of it: after parts that are not uses, a figure of
#: another kind than theirs.
_USE = re.compile(
    r"(?:[0-9０-９]{4}年度?)?(?:全年|当年|本年|年度|全县|累计|实际|共|已|当期|统筹)*"
    r"(支出|支付|拨付|报账|结转|结余|收回|使用|兑付|安排|执行|下达|分配|完成投资|实施|落实"
    r"|到位|形成资产|发放|退回|盘活)"
)
#: Uses that are never a source (安排 may be: "安排项目资金" or a part "安排资金"; so may 实施,
#: 落实 "落实配套资金", 到位 "到位资金", 统筹使用, 盘活 "盘活存量资金"): after a list of sources,
#: one of them ends the list for certain.
_SURE_USES = (
    *("支出", "支付", "拨付", "报账", "结转", "结余", "收回", "兑付"),
    *("下达", "分配", "完成投资", "形成资产", "发放", "退回"),
)
#: Uses that are what is left of the money, not a way of spending it: beside a spent whole too.
_LEFT_OVER = ("结转", "结余", "收回", "退回")
#: A label that names where money comes from (中央资金, 省级财政资金, 社会帮扶资金 …).
_SOURCE = re.compile(r"中央|省|市|县|乡|镇|财政|社会|银行|信贷|贷款|整合|衔接|协作|帮扶|捐|自筹|债")


#: How a list ends (list_end): at its last part, for certain at a use, maybe at a use, else
#: before a figure beside it or inside a part (where it ends is then not certain either).
FULL, SURE, MAYBE, BESIDE = "full", "sure", "maybe", "beside"


def list_end(head: Figure, parts: list[Figure]) -> tuple[int, str]:
    """Where a list of parts ends, and how (FULL, SURE, MAYBE, BESIDE): at the first figure
    besides it, inside a part already listed (中央资金600万元…，中央资金中发展资金500万元: the 500 is
    of the 600, not beside it), or of another kind than the parts before it — a use of the money
    (支出, 结转, 已拨付, 下达 …) after parts that are not uses; after the parts of a whole that is
    a use itself (共支出…), only what is left of it (结转, 结余, 收回, 退回).
    The last end is certain where the parts before it all name sources and the use is one that
    never is a source (_SURE_USES); the others are not."""
    whole = _USE.match(head.label)
    for index, part in enumerate(parts):
        if index and _BESIDES.search(part.label):
            return index, BESIDE
        for earlier in parts[:index]:
            name = earlier.label.strip()
            if len(name) >= 2 and re.match(rf"{re.escape(name)}.{{0,4}}中", part.label):
                return index, BESIDE
        use = _USE.match(part.label)
        if not index or use is None or any(_USE.match(p.label) for p in parts[:index]):
            continue
        if whole is not None and use.group(1) not in _LEFT_OVER:
            continue  # 支出…，其中…，支付工程款: a use of a use is the parts' own kind
        sources = all(_SOURCE.search(p.label) for p in parts[:index])
        sure = sources and whole is None and use.group(1) in _SURE_USES
        return index, SURE if sure else MAYBE
    return len(parts), FULL


#: A clause that opens a breakdown of the whole, not a further part: 分别用于…, 全部用于…,
#: 按用途分…. So does a 其中 right after a clause with no figure (…，主要用于产业，其中…).
_SECOND = re.compile(r"\s*(?:分别用于|全部用于|均用于|按[^，,；;。0-9０-９]{0,6}分(?=\s*[，,：:]))")
_AGAIN = re.compile(r"\s*其中")


def second_list(ctx: Context, listed: list[c.Node]) -> int | None:
    """The index of the ， in ``listed`` (a list's nodes) where a second breakdown of the same
    whole begins, after one part at least; None if there is none."""
    seen = False  # a figure before the clause
    bare: int | None = None  # the ， before a clause with no figure yet, if the last is one
    for index, node in enumerate(listed):
        if isinstance(node, c.Fig | c.Group):
            seen, bare = seen or isinstance(node, c.Fig), None
        elif isinstance(node, c.Sep) and node.char == "，":
            if seen and _SECOND.match(ctx.text, node.pos + 1):
                return index
            if seen and bare is not None and _AGAIN.match(ctx.text, node.pos + 1):
                return bare
            bare = index
    return None
