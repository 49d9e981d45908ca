"""What a product page sells it for: price, currency and availability, as the page declares them.

Read from the page's declarations only, most trusted first: a JSON-LD ``Product``'s ``offers``
(an ``Offer``, its ``priceSpecification`` — of a list the first that is no struck-through
list price —, an ``AggregateOffer``'s ``lowPrice``, or the first of a list), the offers of a
``ProductGroup``'s variants when they all ask the same price, a stand-alone
JSON-LD ``Offer``, OpenGraph's ``product:price:amount`` / ``og:price:amount`` (and the
``…:currency``, ``product:availability`` beside them), then microdata ``itemprop`` values.
A price shown only in the page's text is not read: prices in text are too often another
product's (a "customers also bought" card, a struck-through old price).

Values are checked, not interpreted: a price is the declared number (``"1299.00"``, never a
float rounded by us), a currency an ISO 4217 code, an availability schema.org's item name
(``InStock``, ``OutOfStock``, ``PreOrder``…, taken from ``https://schema.org/InStock``).
"""

from __future__ import annotations

from typing import Any

from selectolax.lexbor import LexborHTMLParser

from convert.extract.ablation import rule
from .declared import ld_types
from .... import regexcache

OFFERS = rule("offers", "a product page's declared price, currency and availability become "
              "metadata")

VARIANT_OFFERS = rule("variant_offers", "a product's price is also read from a list of price "
                      "specifications (the first that is no struck-through list price) and "
                      "from the variants of a JSON-LD ProductGroup when they all ask the same")

MICRODATA_AVAILABILITY = rule("microdata_availability", "a declared price without an "
                              "availability (OpenGraph's price tags) takes the availability "
                              "the page's microdata declares with the same price")

_LIST_PRICE = regexcache.compile(r"(?i)list|strikethrough|msrp|srp")
_PRICE = regexcache.compile(r"\d{1,12}(?:[.,]\d{1,4})?")
_CURRENCY = regexcache.compile(r"[A-Z]{3}")
_AVAILABILITY = regexcache.compile(r"[A-Za-z]{2,40}")
#: OpenGraph/Facebook catalogue spellings of availability, as schema.org names them.
_OG_AVAILABILITY = {"instock": "InStock", "in stock": "InStock", "oos": "OutOfStock",
                    "out of stock": "OutOfStock", "outofstock": "OutOfStock",
                    "preorder": "PreOrder", "pending": "PreOrder",
                    "available for order": "PreOrder", "discontinued": "Discontinued"}
_PRODUCT_TYPES = {"product", "productgroup", "productmodel", "car", "vehicle", "book",
                  "individualproduct", "softwareapplication"}
_MICRODATA = '[itemprop="price"], [itemprop="priceCurrency"], [itemprop="availability"]'


def offer(tree: LexborHTMLParser, objects: list[dict],
          meta: dict[str, list[str]]) -> dict[str, str | None]:
    """``price``, ``price_currency`` and ``availability`` (each ``None`` when not declared),
    from the page's JSON-LD ``objects`` (:func:`.declared.ld_objects`), its ``<meta>`` values
    (:func:`.declared.meta_tags`) and its microdata."""
    out: dict[str, str | None] = {"price": None, "price_currency": None, "availability": None}
    if not OFFERS:
        return out
    declared = _ld_offer(objects) or _og_offer(meta) or _microdata_offer(tree)
    if declared:
        price, currency, availability = declared
        out["price"] = price_text(price)
        if out["price"] is not None:
            out["price_currency"] = currency_code(currency)
            out["availability"] = availability_name(availability)
            if out["availability"] is None and MICRODATA_AVAILABILITY:
                out["availability"] = _marked_availability(tree, out["price"])
    return out


def _marked_availability(tree: LexborHTMLParser, price: str) -> str | None:
    """The availability the page's microdata declares with the same price (a Magento page's
    OpenGraph tags give the price, its ``<link itemprop="availability">`` the stock)."""
    marked = _microdata_offer(tree)
    if not marked or marked[2] is None:
        return None
    try:
        same = float(str(marked[0]).replace(",", ".")) == float(price.replace(",", "."))
    except ValueError:
        return None
    return availability_name(marked[2]) if same else None


def price_text(value: Any) -> str | None:
    """A declared price as its digits (``19.99``, ``1299``); ``None`` if it is not a number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        value = repr(value) if isinstance(value, float) else str(value)
    if not isinstance(value, str):
        return None
    value = value.strip()
    return value if _PRICE.fullmatch(value) else None


def currency_code(value: Any) -> str | None:
    if isinstance(value, str) and _CURRENCY.fullmatch(value.strip().upper()):
        return value.strip().upper()
    return None


def availability_name(value: Any) -> str | None:
    """schema.org's name of an availability (``https://schema.org/InStock`` -> ``InStock``)."""
    if not isinstance(value, str):
        return None
    value = value.strip()
    known = _OG_AVAILABILITY.get(value.lower())
    if known:
        return known
    name = value.rstrip("/").rsplit("/", 1)[-1]
    return name if _AVAILABILITY.fullmatch(name) else None


def _specification(obj: dict) -> dict | None:
    """An offer's ``priceSpecification``: the one given, or of a list (WooCommerce writes one)
    the first that is not the struck-through list price (``priceType`` ``ListPrice``,
    ``StrikethroughPrice``, ``MSRP``)."""
    spec = obj.get("priceSpecification")
    if isinstance(spec, dict):
        return spec
    if isinstance(spec, list):
        return next((x for x in spec if isinstance(x, dict) and not _LIST_PRICE.search(
            str(x.get("priceType") or ""))), None)
    return None


def _from_offer(obj: Any) -> tuple[Any, Any, Any] | None:
    if isinstance(obj, list):
        return next((o for o in map(_from_offer, obj) if o), None)
    if not isinstance(obj, dict):
        return None
    price = obj.get("price")
    if price is None and "aggregateoffer" in ld_types(obj):
        price = obj.get("lowPrice")
    spec = _specification(obj) if VARIANT_OFFERS else (
        obj.get("priceSpecification") if isinstance(obj.get("priceSpecification"), dict)
        else None)
    if price is None and spec is not None:
        price = spec.get("price")
    if price_text(price) is None:
        return None
    currency = obj.get("priceCurrency")
    if currency is None and spec is not None:
        currency = spec.get("priceCurrency")
    return price, currency, obj.get("availability")


def _variants_offer(group: dict) -> tuple[Any, Any, Any] | None:
    """The offer of a ``ProductGroup`` that declares its offers on its variants
    (``hasVariant``: a size or colour each) when they all ask the same price; ``None`` when
    they differ (which one the page shows is not declared)."""
    variants = group.get("hasVariant")
    if not isinstance(variants, list):
        return None
    found = [o for v in variants if isinstance(v, dict)
             for o in [_from_offer(v.get("offers"))] if o]
    if found and len({price_text(o[0]) for o in found}) == 1:
        return found[0]
    return None


def _ld_offer(objects: list[dict]) -> tuple[Any, Any, Any] | None:
    """The offer of the page's product; ``None`` on a page listing several products (a
    category page's ``ItemList``), whose prices are no single thing the page sells."""
    products = [o for o in objects if _PRODUCT_TYPES.intersection(ld_types(o)) and o.get("offers")]
    if len({_identity(o) for o in products}) > 1:
        return None
    for obj in products:
        found = _from_offer(obj.get("offers"))
        if found:
            return found
    if VARIANT_OFFERS and not products:
        groups = [o for o in objects if "productgroup" in ld_types(o) and o.get("hasVariant")]
        found = _variants_offer(groups[0]) if len(groups) == 1 else None
        if found:
            return found
    offers = [found for o in objects if {"offer", "aggregateoffer"}.intersection(ld_types(o))
              for found in [_from_offer(o)] if found]
    if len({price_text(o[0]) for o in offers}) == 1:
        return offers[0]
    return None


def _identity(obj: dict) -> str:
    for key in ("sku", "productID", "@id", "url", "name"):
        if isinstance(obj.get(key), str) and obj[key].strip():
            return obj[key].strip()
    return str(id(obj))


def _og_offer(meta: dict[str, list[str]]) -> tuple[Any, Any, Any] | None:
    for prefix in ("product:price:", "og:price:", "product:sale_price:"):
        price = (meta.get(prefix + "amount") or [None])[0]
        if price_text(price) is not None:
            currency = (meta.get(prefix + "currency") or [None])[0]
            availability = (meta.get("product:availability") or meta.get("og:availability")
                            or [None])[0]
            return price, currency, availability
    return None


def _microdata_offer(tree: LexborHTMLParser) -> tuple[Any, Any, Any] | None:
    """Microdata ``itemprop`` values; ``None`` when the page marks up different prices (a
    listing's cards)."""
    values: dict[str, list[str]] = {}
    for node in tree.css(_MICRODATA):
        attrs = node.attributes
        prop = (attrs.get("itemprop") or "").lower()
        value = attrs.get("content") or attrs.get("href") or node.text(deep=True) or ""
        values.setdefault(prop, []).append(value.strip())
    prices = {p for p in map(price_text, values.get("price", ())) if p is not None}
    if len(prices) != 1:
        return None
    return (prices.pop(), (values.get("pricecurrency") or [None])[0],
            (values.get("availability") or [None])[0])
