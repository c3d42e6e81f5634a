"""The handover app's service layer: one import for views, the API, routing and the web app.

Transfers live in mgz.handover.transfers, documents in mgz.handover.documents, the PDF in
mgz.handover.pdf; this module names what others may call.
"""

from __future__ import annotations

from mgz.handover.documents import (
    AdvanceDirectiveInput,
    DirectiveInput,
    DocumentInput,
    author_role,
    directive_line,
    handover_summary,
    latest_document,
    write_document,
)
from mgz.handover.transfers import (
    TransferResult,
    accept_transfer,
    complete_transfer,
    current_regiebehandelaar,
    decline_transfer,
    fallback_risks,
    propose_transfer,
    record_conversation,
    record_fallback_agreement,
    transfer_risks,
    withdraw_transfer,
)

__all__ = [
    "AdvanceDirectiveInput",
    "DirectiveInput",
    "DocumentInput",
    "TransferResult",
    "accept_transfer",
    "author_role",
    "complete_transfer",
    "current_regiebehandelaar",
    "decline_transfer",
    "directive_line",
    "fallback_risks",
    "handover_summary",
    "latest_document",
    "propose_transfer",
    "record_conversation",
    "record_fallback_agreement",
    "transfer_risks",
    "withdraw_transfer",
    "write_document",
]
