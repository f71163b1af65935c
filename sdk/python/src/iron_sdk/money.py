"""Money: integer micro-dollars inside, decimal USD at the edges (the gateway sends 6-decimal strings)."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Optional, Union

MICROS_PER_USD = 1_000_000


def usd_to_micros(value: Union[str, float, int]) -> int:
    """USD (a gateway string like "0.012345", or a number) to integer micro-dollars, rounded half up."""
    try:
        return int((Decimal(str(value)) * MICROS_PER_USD).to_integral_value(rounding=ROUND_HALF_UP))
    except InvalidOperation as error:
        raise ValueError(f"not a USD amount: {value!r}") from error


def optional_micros(value: Optional[str]) -> Optional[int]:
    """Like `usd_to_micros`, but None (or an unparsable header) stays None."""
    if value is None:
        return None
    try:
        return usd_to_micros(value)
    except ValueError:
        return None


def micros_to_usd(micros: int) -> float:
    """Micro-dollars to USD as a float (exact to 6 decimals for any budget below $1e9)."""
    return micros / MICROS_PER_USD
