"""Transfer batches (拨付下达): the rules that read one from its clause, for the placer.

A batch is money its sentence says was passed on, with the date of its own clause (see
:mod:`fundanalysis.text.draft.batches`). Two shapes hold more than batches:

- a figure that 分N批/分批 splits (中央资金5000万元分两批拨付下达：第一批3000万元…；第二批…) is
  the total of the batches its sentence then lists (第一批…, 第二批…), never a batch itself:
  it is declared over them in totals.csv, and a batch that prints no level takes the whole's.
  Where the batches listed are not the number it says, or none is listed, the whole is left
  for review rather than guessed at.
- the parts 其中 lists after a batch's own date (县级资金800万元，2020年5月20日拨付下达，其中：
  本级预算安排500万元，上级转移支付300万元) are where the batch's money came from, not batches:
  the batch is the row, its parts are listed for review.
"""

from __future__ import annotations

import re

from fundanalysis.data.numerals import parse_chinese
from fundanalysis.text.draft import words as w
from fundanalysis.text.draft.batches import (
    batch_name,
    batch_printed,
    batch_words,
    included_in,
    level_only,
    month_only,
    passed_on,
)
from fundanalysis.text.scan import Figure

_COUNT = r"([两二三四五六七八九十]|\d{1,2})?"
#: the words right after a figure that split it into batches (…5000万元分两批拨付下达：)
_SPLIT_AFTER = re.compile(r"^[，,]?(?:已|共|先后|均)?分" + _COUNT + r"批(?!准)")
#: the words of its clause before a figure that split it (分两批下达中央资金5000万元)
_SPLIT_BEFORE = re.compile(r"分" + _COUNT + r"批(?!准)(?:次)?(?:拨付下达|拨付|下达|安排)")
_NTH_BATCH = re.compile(r"^第[一二三四五六七八九十\d]+批")


def _count(match: re.Match) -> int | None:
    """How many batches a 分N批 says (None for 分批, which does not say)."""
    if not match[1]:
        return None
    return int(match[1]) if match[1].isdigit() else parse_chinese(match[1])


class TransferRules:
    """The transfer rules of the placer (:class:`fundanalysis.text.draft.placing._Placer`)."""

    def find_splits(self) -> None:
        """Each figure a 分N批 splits → the batches its sentence lists after it."""
        self.batch_dates: dict[str, tuple] = {}  # a batch → its date, read before its 其中
        self.splits: dict[str, list[Figure]] = {}
        self.split_of: dict[str, Figure] = {}
        self.split_counts: dict[str, int | None] = {}
        self.split_handled: set[str] = set()
        money = [f for f in self.scan.figures if f.unit.is_money]
        for index, whole in enumerate(money):
            after = "".join(self.text[whole.end : whole.end + 12].split())
            match = _SPLIT_AFTER.match(after) or _SPLIT_BEFORE.search(
                "".join(self.clause(whole).split())
            )
            if match is None or whole.id in self.split_of:
                continue
            _, end = self.sentence(whole)
            batches = []
            for other in money[index + 1 :]:
                if other.start >= end:
                    break
                if self.parent.get(other.id) not in (None, whole):
                    continue  # a part of a batch (its own 其中), not a batch
                if not _NTH_BATCH.match(w.clean(other.label)):
                    break
                batches.append(other)
            self.splits[whole.id] = batches
            self.split_counts[whole.id] = _count(match)
            for batch in batches:
                self.split_of[batch.id] = whole

    def split_whole(self, figure: Figure) -> bool:
        """Whether ``figure`` is a total of batches a 分N批 split, handled as one."""
        if figure.id not in self.splits:
            return False
        batches, said = self.splits[figure.id], self.split_counts[figure.id]
        self.used.add(figure.id)
        self.split_handled.add(figure.id)
        if not batches or (said is not None and len(batches) != said) or len(batches) < 2:
            listed = f"列出 {len(batches)} 批" if batches else "未列各批"
            self.note(
                figure,
                f"分批拨付的总额（{listed}，与所说批数不合或无从核对），不是一批，未写入，"
                f"也未声明合计 / a total split into batches that are not all listed: not a "
                "batch, not drafted, no total declared",
            )
            for batch in batches:
                self.split_of.pop(batch.id, None)
            del self.splits[figure.id]
        return True

    def split_totals(self) -> None:
        """Each split whole as a total over the rows of its batches (after they are placed)."""
        for whole_id, batches in self.splits.items():
            if whole_id not in self.split_handled:
                continue  # a total the scan relates (declared as such), or not a transfer
            whole = next(f for f in self.scan.figures if f.id == whole_id)
            numbers = [self.batch_of.get(b.id) for b in batches]
            if None in numbers:
                self.note(
                    whole,
                    "分批拨付的总额：其各批未全部入表，未声明合计 / a total split into batches "
                    "not all drafted: no total declared",
                )
                continue
            self.headlines[whole_id] = (
                "transfers",
                {"batch": "|".join(str(n) for n in dict.fromkeys(numbers))},
            )

    def split_level(self, batch: Figure) -> str | None:
        """The level of the whole a batch's 分N批 split, where its words print one."""
        whole = self.split_of.get(batch.id)
        if whole is None:
            return None
        name = re.sub(
            r"^.*分" + _COUNT + r"批(?:次)?(?:拨付下达|拨付|下达|安排)?", "", self.clause(whole)
        )
        return w.levels_in("".join(name.split()))

    def breakdown_of_batch(self, figure: Figure, chain: list[Figure]) -> bool:
        """Whether ``figure`` is a part 其中 lists after its batch's own date: the batch is
        then drafted as the row, the part noted for review."""
        if not chain or chain[0].id in self.splits:
            return False
        whole = chain[0]
        low, _ = self.sentence(figure)
        if not (low <= whole.start < figure.start):
            return False
        lead = self.text.find("其中", whole.end, figure.start)
        money = [f for f in self.scan.figures if f.unit.is_money and whole.end <= f.start < lead]
        if lead < 0 or money or re.search(r"[；;。]", self.text[whole.end : lead]):
            return False
        dates = [
            (whole.end + a, whole.end + b, day)
            for a, b, day in w.full_dates(self.text[whole.end : lead])
            if not re.search(
                r"(截至|截止|至|到)\s*$", self.text[max(low, whole.end + a - 4) : whole.end + a]
            )
        ]
        if len(dates) != 1 or not passed_on(self.text, whole, lead):
            return False  # its own date and 拨付下达, before 其中: a batch with its breakdown
        self.batch_dates[whole.id] = dates[0]
        if whole.id not in self.batch_of:
            self.totals.pop(whole.id, None)  # the batch is a row, not a total over its parts
            if not self.transfer(whole, self.ancestors(whole)):
                return False
        self.note(
            figure,
            f"第 {self.batch_of[whole.id]} 批（{whole.printed.strip()}）资金来源的明细，不是一批，"
            f"未写入 / where batch {self.batch_of[whole.id]}'s money came from, not a batch: not "
            "drafted",
        )
        self.used.add(figure.id)
        return True

    def transfer(self, figure: Figure, chain: list[Figure]) -> bool:
        start, end = self.sentence(figure)
        sentence = "".join(self.text[start:end].split())
        if "拨付下达" not in sentence and "下达各" not in sentence:
            return False
        if self.split_whole(figure) or self.breakdown_of_batch(figure, chain):
            return True
        batch_figure = chain[0] if len(chain) >= 2 else figure
        whole = included_in(self.text, self.scan.relations, figure)
        if whole is not None and whole.id in self.batch_of:
            self.note(
                figure,
                f"含于第 {self.batch_of[whole.id]} 批（{whole.printed.strip()}）之内，不是一批，未写入 "
                f"/ part of batch {self.batch_of[whole.id]}, not a batch of its own: not drafted",
            )
            self.used.add(figure.id)
            return True
        own = batch_words(self.text, self.scan.figures, batch_figure, (start, end))
        month = month_only(self.text, self.scan.figures, batch_figure, (start, end), own.after_end)
        if (
            not own.dated
            and month is None
            and not (  # a batch of a sentence of dated batches, its own date not printed
                passed_on(self.text, batch_figure, own.after_end)
                and w.full_dates(self.text[start:end])
            )
        ):
            return False
        if batch_figure.id not in self.batch_of:
            self.batch += 1
            self.batch_of[batch_figure.id] = self.batch
        name = batch_name(self.text, own.start, batch_figure)
        level = w.levels_in(re.sub(r"^第[一二三四五六七八九十\d]+批", "", name))
        inherited = None if level else self.split_level(batch_figure)
        level = level or inherited
        fund_type, inferred = "", ""
        if batch_figure is not figure:
            fund_type = self.clause(figure)
        else:
            after = "".join(self.text[figure.end : own.after_end].split())
            whole = re.search(r"全部为([^，；。]+?资金)", after)
            bracket = re.search(r"[（(]([^（()）]+?资金)[）)]$", name)
            if whole:
                fund_type = whole[1]
            elif bracket:
                fund_type = bracket[1]
            elif re.match(r"^第[一二三四五六七八九十\d]+批.+资金$", name):
                fund_type = re.sub(r"^第[一二三四五六七八九十\d]+批", "", name)
                inferred = "资金类型取自批次名称 / fund type taken from the batch's name"
                if level_only(fund_type):  # 第二批中央资金: a level's money, not a fund type
                    fund_type, inferred = "", ""
        when, printed_date = "", ""
        tied = own.date or self.batch_dates.get(batch_figure.id)
        if tied is not None:
            a, b, day = tied
            when, printed_date = day.isoformat(), self.text[a:b]
        elif batch_figure.id not in self.undated:  # one note per batch, not per part
            self.undated.add(batch_figure.id)
            self.note(
                batch_figure,
                "拨付日期：本句所印日期不能确定属于此批，未填 / date passed on: no date printed in "
                "this batch's own clause, or more than one: left empty",
            )
        cells = {
            "batch": str(self.batch_of[batch_figure.id]),
            "batch_name": name,
            "batch_name_en": "",
            "level": level or "",
            "fund_type": fund_type,
            "amount": figure.value_text,
            "unit": figure.unit.stored,
            "disbursed_on": when,
            "disbursed_on_printed": printed_date,
            "printed": batch_printed(self.text, own.start, batch_figure, figure)
            if batch_figure is figure
            else w.printed_from(self.text, figure),
        }
        notes = [] if level else ["级次未能读出 / level not read"]
        if inherited:
            notes.append(
                f"级次取自分批前的总额（{self.split_of[batch_figure.id].printed.strip()}） / level "
                "taken from the total the batches split"
            )
        if month is not None and own.date is None:
            notes.append(f"拨付日期只印到月（{month}），未填 / date printed to the month only")
        if not fund_type:
            notes.append("资金类型未印 / fund type not printed")
        if inferred:
            notes.append(inferred)
        self.add("transfers", figure, cells, *notes)
        return True
