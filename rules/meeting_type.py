"""Decision: the meeting type (inform, consult, co-produce) and the warnings around it.

The three tables (asiel-2021 §5.1-5.2, asiel-statushouders-2016 §5.1-5.2,
arbeidsmigranten-2025 §4.1-4.2) tie the type to the room for decision and the need for
creativity. The phase raises warnings, and it closes co-production once the decision has
been taken: an open room claimed after the decision is no room in the process (asiel-2021
§4.2), so it gets consult and the warning, never co-production beside that warning.
"""
from __future__ import annotations

from facts.vocab import MeetingType, Phase, Room
from rules.base import (
    MATCH,
    OR,
    Context,
    Decided,
    Rule,
    at_least,
    at_most,
    concludes,
    emits,
)


class MeetingTypeRules:
    @Rule(Context(room_for_decision=Room.none))
    @concludes("meeting_type")
    @emits("meeting_type.inform")
    def meeting_type_inform(self):
        """No room for another decision: inform.

        asiel-2021 §5.1: inform "when the decision has been taken and there is no room to
        take another decision"; the same row in asiel-statushouders-2016 §5.1 and
        arbeidsmigranten-2025 §4.1.
        """
        self.conclude(meeting_type=MeetingType.inform)
        self.recommend()

    @Rule(Context(room_for_decision=Room.conditions))
    @concludes("meeting_type")
    @emits("meeting_type.consult")
    def meeting_type_consult(self):
        """Room for conditions and suggestions: consult.

        asiel-2021 §5.1: advise/consult "when there is room to do something with remarks,
        for instance in the sphere of conditions"; arbeidsmigranten-2025 §4.1 likewise.
        """
        self.conclude(meeting_type=MeetingType.consult)
        self.recommend()

    @Rule(OR(Context(room_for_decision=Room.open, creativity_needed=False),
             Context(room_for_decision=Room.open, creativity_needed=True, phase=at_least(Phase.decided))))
    @concludes("meeting_type")
    @emits("meeting_type.consult")
    def meeting_type_consult_open(self):
        """Room is open but no creativity is needed, or the decision has been taken: consult.

        asiel-2021 §5.1: co-production is for when there is room in the process *and*
        creativity is needed; otherwise consulting offers room for conditions and
        suggestions. After the decision an open room is no room in the process: do not
        suggest there is room in the decision when it has in fact been taken (asiel-2021
        §4.2, arbeidsmigranten-2025 §3.2), so at most consult; room on the implementation is
        `implementation_room`.
        """
        self.conclude(meeting_type=MeetingType.consult)
        self.recommend()

    @Rule(Context(room_for_decision=Room.open, creativity_needed=True, phase=at_most(Phase.proposal)))
    @concludes("meeting_type")
    @emits("meeting_type.coproduce", "tradeoff.coproduction_time", "warning.coproduction_unclear_mandate")
    def meeting_type_coproduce(self):
        """Room in the process, before the decision, and creativity needed: co-produce.

        asiel-2021 §5.1: co-produce "when there is room in the process and creativity is
        needed to reach new insights and solutions", with a limited group, the municipality a
        fellow player (asiel-statushouders-2016 §5.1); its risks are that it takes time and
        can delay the decision (the trade-off), and that the mandate of those at the table is
        sometimes unclear (the warning; arbeidsmigranten-2025 §4.1 likewise).
        """
        self.conclude(meeting_type=MeetingType.coproduce)
        self.recommend()

    @Rule(Decided(meeting_type=MATCH.meeting_type))
    @emits("meeting_type.clear_status")
    def meeting_type_clear_status(self):
        """Whatever the type: be clear beforehand about the status of the meeting.

        asiel-statushouders-2016 §5.1 and asiel-2021 §5.1: it is crucial to be clear
        beforehand about the status of the meeting, the phase of the process and the
        possibilities to exert influence; arbeidsmigranten-2025 §4.1 likewise.
        """
        self.recommend()

    @Rule(Context(room_for_decision=Room.none, phase=at_most(Phase.proposal)))
    @emits("warning.really_no_room")
    def warn_really_no_room(self):
        """No room claimed while the decision is still being prepared.

        asiel-2021 §5.1: inform when the decision has been taken; "Let op: is er echt geen
        ruimte meer?"
        """
        self.recommend()

    @Rule(Context(room_for_decision=Room.open, phase=at_least(Phase.decided)))
    @emits("warning.decided_but_room_claimed")
    def warn_decided_but_room_claimed(self):
        """The decision has been taken while the room is said to be open.

        asiel-2021 §4.2: do not suggest there is room in the decision when it has in fact
        already been taken.
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.consult),
          Context(phase=at_least(Phase.decided), implementation_room=False))
    @emits("warning.consult_needs_room")
    def warn_consult_needs_room(self):
        """Consulting after the decision: make sure the advice can still change something.

        asiel-2021 §5.1: when you choose to advise or consult, you must have room to really
        do something with the advice; if that room is missing, do not choose such a meeting.
        Not when the room is on the implementation (design, management): that room is there
        (arbeidsmigranten-2025 §3.2, asiel-2021 §4.2).
        """
        self.recommend()

    @Rule(Decided(meeting_type=MeetingType.inform))
    @emits("warning.inform_alone_insufficient")
    def warn_inform_alone(self):
        """Informing alone, without room for concerns, is not enough on this subject.

        asiel-2021 §5.1: experience shows that on this issue informing alone, without
        letting those involved voice their concerns, is insufficient.
        """
        self.recommend()
