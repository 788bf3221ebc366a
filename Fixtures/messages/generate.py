#!/usr/bin/env python3
"""Writes the fixture messages of this folder byte for byte.

The messages are hand-written below; this script exists so that line endings (CRLF in most,
bare LF where that is the point), legacy charset bytes and base64 bodies come out exact and can be
regenerated.  Run it from anywhere: `python3 Fixtures/messages/generate.py`.
"""

import base64
import binascii
import hashlib
import io
import os
import struct
import zipfile
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def eml(*chunks, eol="\r\n"):
    """Joins str (ASCII only) and bytes chunks; every LF becomes `eol`."""
    out = b""
    for chunk in chunks:
        if isinstance(chunk, str):
            chunk = chunk.encode("ascii")
        out += chunk
    if eol != "\n":
        out = out.replace(b"\n", eol.encode("ascii"))
    return out


def b64(data, width=76):
    text = base64.b64encode(data).decode("ascii")
    return "".join(text[i:i + width] + "\n" for i in range(0, len(text), width))


def pseudo_b64(seed, length):
    """Stable filler for signature-like fields (DKIM b=, bh=, PGP blocks)."""
    raw = b""
    block = seed.encode("ascii")
    while len(raw) < length:
        block = hashlib.sha256(block).digest()
        raw += block
    return base64.b64encode(raw)[:length].decode("ascii")


def ew(charset, encoding, text):
    """An RFC 2047 encoded word."""
    data = text.encode(charset) if isinstance(text, str) else text
    if encoding == "B":
        return "=?%s?B?%s?=" % (charset, base64.b64encode(data).decode("ascii"))
    out = ""
    for byte in data:
        ch = chr(byte)
        if ch == " ":
            out += "_"
        elif ch.isalnum() and byte < 0x80:
            out += ch
        else:
            out += "=%02X" % byte
    return "=?%s?Q?%s?=" % (charset, out)


def dkim(domain, selector, seed, headers="from:to:subject:date:message-id"):
    sig = pseudo_b64(seed, 216)
    lines = [sig[i:i + 70] for i in range(0, len(sig), 70)]
    return ("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=%s;\n"
            "\ts=%s; t=1772558047; h=%s;\n"
            "\tbh=%s;\n"
            "\tb=%s\n") % (domain, selector, headers, pseudo_b64(seed + "bh", 43) + "=",
                           "\n\t  ".join(lines))


def tiny_png():
    """A valid 2x2 RGB PNG, so the attachment decodes to a real image."""
    def chunk(kind, data):
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    raw = b"\x00\xff\x00\x00\x00\xff\x00\x00\x00\x00\xff\xff\xff\xff\xff"
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw, 9)) + chunk(b"IEND", b""))


def tiny_gif():
    """A 1x1 transparent GIF89a."""
    return (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\x00\x00\x00\xff\xff\xff!\xf9\x04\x01\x00\x00\x00\x00"
            b",\x00\x00\x00\x00\x01\x00\x01\x00\x00\x02\x02D\x01\x00;")


def tiny_pdf():
    body = (b"%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n"
            b"2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n"
            b"3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 100] /Contents 4 0 R >> endobj\n"
            b"4 0 obj << /Length 44 >> stream\nBT /F1 12 Tf 20 50 Td (Invoice 2026-03) Tj ET\nendstream endobj\n"
            b"trailer << /Root 1 0 R >>\n%%EOF\n")
    return body


def tiny_docx():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in [
            ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
            ("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>Projektbericht</w:t></w:r></w:p></w:body></w:document>'),
        ]:
            info = zipfile.ZipInfo(name, date_time=(2026, 3, 2, 8, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    return buffer.getvalue()


FIXTURES = {}


def fixture(name):
    def register(function):
        FIXTURES[name] = function
        return function
    return register


# ---------------------------------------------------------------------------------------------
@fixture("plain-ascii.eml")
def _():
    return eml(
        "Return-Path: <alice@example.com>\n"
        "Received: from mail.example.com (mail.example.com [192.0.2.10])\n"
        "\tby mx.example.org (Postfix) with ESMTPS id 4XyZ1k2Lm3z9sQ\n"
        "\tfor <bob@example.org>; Tue, 03 Mar 2026 09:14:07 -0800 (PST)\n",
        dkim("example.com", "sel2026", "plain-ascii"),
        "Message-ID: <20260303171405.GA12345@mail.example.com>\n"
        "Date: Tue, 3 Mar 2026 09:14:05 -0800 (PST)\n"
        "From: Alice Example <alice@example.com>\n"
        "To: Bob Recipient <bob@example.org>\n"
        "Subject: Lunch on Thursday?\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "Content-Disposition: inline\n"
        "Content-Transfer-Encoding: 7bit\n"
        "User-Agent: Mutt/2.2.12 (2023-09-09)\n"
        "\n"
        "Hi Bob,\n"
        "\n"
        "Are you free for lunch on Thursday? The new place on 5th Street\n"
        "opens at 11:30, and I'd like to try their \"famous\" noodles.\n"
        "\n"
        "-- \n"
        "Alice\n")


@fixture("alternative-html.eml")
def _():
    return eml(
        "Received: by 2002:a05:6520:1b8c:b0:2a1:5e3f:9c2d with SMTP id p12csp1834572lkx;\n"
        "        Thu, 5 Mar 2026 06:02:11 -0800 (PST)\n",
        dkim("example.net", "20230601", "alternative-html",
             "mime-version:from:date:message-id:subject:to"),
        "MIME-Version: 1.0\n"
        "From: Carol Davis <carol.davis@example.net>\n"
        "Date: Thu, 5 Mar 2026 15:02:00 +0100\n"
        "Message-ID: <CAH7x9kQ2m+Vd8Lr0pXz@mail.example.net>\n"
        "Subject: Agenda for the design review\n"
        "To: design-team@example.org\n"
        "Content-Type: multipart/alternative; boundary=\"000000000000a1b2c3d4e5f60718\"\n"
        "\n"
        "--000000000000a1b2c3d4e5f60718\n"
        "Content-Type: text/plain; charset=\"UTF-8\"\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        "Hi all,\n"
        "\n"
        "Tomorrow=E2=80=99s review covers the onboarding flow =E2=80=94 please bring =\n"
        "your notes.\n"
        "\n"
        "Carol\n"
        "\n"
        "--000000000000a1b2c3d4e5f60718\n"
        "Content-Type: text/html; charset=\"UTF-8\"\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        "<div dir=3D\"ltr\">Hi all,<div><br></div><div>Tomorrow=E2=80=99s review co=\n"
        "vers the onboarding flow =E2=80=94 please bring your notes.</div><div><br></=\n"
        "div><div>Carol</div></div>\n"
        "\n"
        "--000000000000a1b2c3d4e5f60718--\n")


@fixture("mixed-attachments.eml")
def _():
    csv = "item,qty,price\nNotebook,3,4.50\nStift,10,1.20\nCaf\u00e9 voucher,1,12.00\n".encode("utf-8")
    return eml(
        "Received: from [198.51.100.23] (helo=workstation.example.com)\n"
        "\tby smtp.example.com with esmtpsa (TLS1.3) tls TLS_AES_256_GCM_SHA384\n"
        "\t(Exim 4.97) (envelope-from <billing@example.com>)\n"
        "\tid 1vQx2B-00071k-3T; Mon, 02 Mar 2026 08:00:41 +0000\n"
        "Date: Mon, 2 Mar 2026 08:00:40 +0000 (UTC)\n"
        "From: Example Billing <billing@example.com>\n"
        "To: accounts@example.org\n"
        "Message-ID: <1180342867.41.1772438440512@smtp.example.com>\n"
        "Subject: Invoice 2026-03 and receipts\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; \n"
        "\tboundary=\"----=_Part_40_1735928471.1772438440498\"\n"
        "X-Mailer: JavaMail 1.6.2\n"
        "\n"
        "------=_Part_40_1735928471.1772438440498\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "Content-Transfer-Encoding: 7bit\n"
        "\n"
        "Please find attached the invoice for March, the expense list and our logo.\n"
        "------=_Part_40_1735928471.1772438440498\n"
        "Content-Type: application/pdf; name=invoice-2026-03.pdf\n"
        "Content-Transfer-Encoding: base64\n"
        "Content-Disposition: attachment; filename=invoice-2026-03.pdf\n"
        "\n",
        b64(tiny_pdf()),
        "------=_Part_40_1735928471.1772438440498\n"
        "Content-Type: text/csv; charset=utf-8; name=expenses.csv\n"
        "Content-Transfer-Encoding: base64\n"
        "Content-Disposition: attachment; filename=expenses.csv\n"
        "\n",
        b64(csv),
        "------=_Part_40_1735928471.1772438440498\n"
        "Content-Type: image/png; name=\"logo small.png\"\n"
        "Content-Transfer-Encoding: base64\n"
        "Content-Disposition: inline; filename=\"logo small.png\"\n"
        "\n",
        b64(tiny_png()),
        "------=_Part_40_1735928471.1772438440498--\n")


@fixture("nested-forward-rfc822.eml")
def _():
    return eml(
        "Date: Tue, 10 Mar 2026 11:20:03 +0100\n"
        "From: Dana Fischer <dana@example.de>\n"
        "To: Erik Lund <erik@example.se>\n"
        "Subject: Fwd: Quarterly numbers\n"
        "Message-ID: <7f3a9c1e-22b4-4b8e-9d11-5c0e2f6a8b10@example.de>\n"
        "MIME-Version: 1.0\n"
        "User-Agent: Mozilla Thunderbird\n"
        "Content-Type: multipart/mixed;\n"
        " boundary=\"------------Hx0VqM7sYc2fJ3kLw9PzT4nB\"\n"
        "\n"
        "This is a multi-part message in MIME format.\n"
        "--------------Hx0VqM7sYc2fJ3kLw9PzT4nB\n"
        "Content-Type: text/plain; charset=UTF-8; format=flowed\n"
        "Content-Transfer-Encoding: 7bit\n"
        "\n"
        "See the forwarded message.\n"
        "\n"
        "--------------Hx0VqM7sYc2fJ3kLw9PzT4nB\n"
        "Content-Type: message/rfc822; name=\"Quarterly numbers.eml\"\n"
        "Content-Disposition: attachment; filename=\"Quarterly numbers.eml\"\n"
        "\n"
        "Return-Path: <finance@example.com>\n"
        "Date: Mon, 9 Mar 2026 17:45:00 -0500\n"
        "From: Finance <finance@example.com>\n"
        "To: dana@example.de\n"
        "Subject: Quarterly numbers\n"
        "Message-ID: <q1-2026.numbers@finance.example.com>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/alternative; boundary=\"inner-alt-5521\"\n"
        "\n"
        "--inner-alt-5521\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n"
        "Revenue: 1.2M\n"
        "Costs: 0.9M\n"
        "--inner-alt-5521\n"
        "Content-Type: text/html; charset=us-ascii\n"
        "\n"
        "<p>Revenue: <b>1.2M</b><br>Costs: <b>0.9M</b></p>\n"
        "--inner-alt-5521--\n"
        "\n"
        "--------------Hx0VqM7sYc2fJ3kLw9PzT4nB--\n")


@fixture("digest.eml")
def _():
    return eml(
        "From: tools-list-request@lists.example.org\n"
        "Subject: tools-list Digest, Vol 12, Issue 4\n"
        "To: tools-list@lists.example.org\n"
        "Reply-To: tools-list@lists.example.org\n"
        "Date: Wed, 11 Mar 2026 12:00:01 +0000\n"
        "Message-ID: <mailman.4.1773230401.1999.tools-list@lists.example.org>\n"
        "List-Id: Tools discussion <tools-list.lists.example.org>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"===============4471390235829615642==\"\n"
        "\n"
        "--===============4471390235829615642==\n"
        "Content-Type: text/plain; charset=\"us-ascii\"\n"
        "Content-Description: tools-list Digest, Vol 12, Issue 4\n"
        "\n"
        "Today's Topics:\n"
        "\n"
        "   1. Release 3.1 (Frank)\n"
        "   2. Re: Release 3.1 (Grace)\n"
        "\n"
        "--===============4471390235829615642==\n"
        "Content-Type: multipart/digest; boundary=\"===============0986233402371178221==\"\n"
        "\n"
        "--===============0986233402371178221==\n"
        "\n"
        "Date: Tue, 10 Mar 2026 09:00:00 +0000\n"
        "From: Frank <frank@example.com>\n"
        "Subject: Release 3.1\n"
        "Message-ID: <rel31@example.com>\n"
        "\n"
        "Release 3.1 is tagged.\n"
        "\n"
        "--===============0986233402371178221==\n"
        "Content-Type: message/rfc822\n"
        "MIME-Version: 1.0\n"
        "\n"
        "Date: Tue, 10 Mar 2026 10:30:00 +0000\n"
        "From: Grace <grace@example.net>\n"
        "Subject: Re: Release 3.1\n"
        "Message-ID: <re-rel31@example.net>\n"
        "In-Reply-To: <rel31@example.com>\n"
        "References: <rel31@example.com>\n"
        "\n"
        "Thanks, upgrading now.\n"
        "\n"
        "--===============0986233402371178221==--\n"
        "\n"
        "--===============4471390235829615642==--\n")


@fixture("legacy-iso-8859-1.eml")
def _():
    body = ("Bonjour \u00e0 tous,\n"
            "\n"
            "voici le r\u00e9sum\u00e9 de la r\u00e9union du 2 mars.\n"
            "Prochaine \u00e9tape : les donn\u00e9es d\u00e9finitives (co\u00fbt estim\u00e9 : 12\u00a0000 \u00a3).\n"
            "\n"
            "Gr\u00fc\u00dfe,\n"
            "Fran\u00e7ois\n").encode("iso-8859-1")
    return eml(
        "Received: from PC-FRANCOIS ([203.0.113.45]) by mail.example.fr with Microsoft SMTPSVC(6.0.3790.4675);\n"
        "\t Thu, 12 Mar 2026 10:02:11 +0100\n"
        "From: " + ew("iso-8859-1", "Q", "Fran\u00e7ois M\u00fcller") + " <francois.muller@example.fr>\n"
        "To: <equipe@example.fr>\n"
        "Subject: " + ew("ISO-8859-1", "Q", "R\u00e9sum\u00e9 de la r\u00e9union") + "\n"
        "Date: Thu, 12 Mar 2026 10:02:09 +0100\n"
        "Message-ID: <000a01dab1c2$3e4f5a60$0201a8c0@PCFRANCOIS>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain;\n"
        "\tcharset=\"iso-8859-1\"\n"
        "Content-Transfer-Encoding: 8bit\n"
        "X-Mailer: Microsoft Office Outlook 12.0\n"
        "Thread-Index: AdqxwjxN3a0Ry2QqS5e8bqCkZ2f1Ow==\n"
        "\n",
        body)


@fixture("koi8r-subject.eml")
def _():
    body = ("\u0414\u043e\u0431\u0440\u044b\u0439 \u0434\u0435\u043d\u044c!\n"
            "\n"
            "\u041e\u0442\u0447\u0451\u0442 \u0437\u0430 \u0444\u0435\u0432\u0440\u0430\u043b\u044c "
            "\u0433\u043e\u0442\u043e\u0432.\n"
            "\n"
            "\u0418\u0432\u0430\u043d\n").encode("koi8-r")
    return eml(
        "From: " + ew("koi8-r", "B", "\u0418\u0432\u0430\u043d \u041f\u0435\u0442\u0440\u043e\u0432")
        + " <ivan.petrov@example.org>\n"
        "To: office@example.org\n"
        "Subject: " + ew("KOI8-R", "B", "\u041e\u0442\u0447\u0451\u0442 \u0437\u0430 "
                         "\u0444\u0435\u0432\u0440\u0430\u043b\u044c") + "\n"
        "Date: Mon, 2 Mar 2026 09:30:00 +0300\n"
        "Message-ID: <20260302093000.1234@example.org>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=koi8-r\n"
        "Content-Transfer-Encoding: 8bit\n"
        "X-Mailer: The Bat! (v3.99.3) Professional\n"
        "\n",
        body)


@fixture("shift-jis-body.eml")
def _():
    # "表" and "ソ" have 0x5C as their second byte in Shift_JIS, the classic trap for parsers
    # that treat backslash specially.
    body = ("\u5c71\u7530\u69d8\n"
            "\n"
            "\u4f1a\u8b70\u306e\u8b70\u4e8b\u9332\u3092\u304a\u9001\u308a\u3057\u307e\u3059\u3002\n"
            "\u8868\u306e\u6570\u5b57\u3068\u30bd\u30d5\u30c8\u306e\u4ed5\u69d8\u3092\u3054\u78ba\u8a8d"
            "\u304f\u3060\u3055\u3044\u3002\n"
            "\n"
            "\u4f50\u85e4\n").encode("shift_jis")
    assert b"\x5c" in body
    return eml(
        "Return-Path: <sato@example.jp>\n"
        "From: " + ew("ISO-2022-JP", "B", "\u4f50\u85e4 \u82b1\u5b50") + " <sato@example.jp>\n"
        "To: " + ew("ISO-2022-JP", "B", "\u5c71\u7530 \u592a\u90ce") + " <yamada@example.jp>\n"
        "Subject: " + ew("ISO-2022-JP", "B", "\u4f1a\u8b70\u306e\u8b70\u4e8b\u9332") + "\n"
        "Date: Fri, 13 Mar 2026 18:05:00 +0900\n"
        "Message-ID: <20260313180500.5C5C@example.jp>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=Shift_JIS\n"
        "Content-Transfer-Encoding: 8bit\n"
        "X-Mailer: Becky! ver. 2.81.04\n"
        "\n",
        body)


@fixture("encoded-words-split-multibyte.eml")
def _():
    subject = "Gr\u00fc\u00dfe aus M\u00fcnchen \U0001F389".encode("utf-8")
    # Split inside the two bytes of the second "ü" and inside the four bytes of the emoji: each
    # encoded word must hold whole characters (RFC 2047 section 5), but some senders cut by bytes.
    cut1 = subject.index("\u00fc".encode("utf-8"), 3) + 1
    cut2 = len(subject) - 2
    words = [subject[:cut1], subject[cut1:cut2], subject[cut2:]]
    name = "J\u00f6rg".encode("utf-8")
    return eml(
        "From: " + ew("UTF-8", "Q", name[:2]) + " " + ew("UTF-8", "Q", name[2:])
        + " <joerg@example.de>\n"
        "To: anna@example.de\n"
        "Subject: " + ew("UTF-8", "B", words[0]) + "\n "
        + ew("UTF-8", "B", words[1]) + "\n " + ew("UTF-8", "B", words[2]) + "\n"
        "Date: Sat, 14 Mar 2026 08:00:00 +0100\n"
        "Message-ID: <split-ew-1@example.de>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n",
        "Servus!\n".encode("utf-8"))


@fixture("encoded-word-in-quoted-string.eml")
def _():
    return eml(
        "From: \"" + ew("UTF-8", "Q", "J\u00f6rg Schr\u00f6der") + "\" <joerg.schroeder@example.de>\n"
        "To: \"" + ew("iso-8859-1", "Q", "Ren\u00e9e") + " Dupont\" <renee.dupont@example.fr>,\n"
        " \"Plain, Quoted\" <plain@example.com>\n"
        "Subject: Termin\n"
        "Date: Mon, 16 Mar 2026 14:00:00 +0100\n"
        "Message-ID: <ew-in-quotes@example.de>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n"
        "Passt Dienstag?\n")


@fixture("rfc2231-filename-continuations.eml")
def _():
    return eml(
        "From: Max Mustermann <max@example.de>\n"
        "To: gf@example.de\n"
        "Subject: Projektbericht\n"
        "Date: Mon, 9 Mar 2026 16:12:44 +0100\n"
        "Message-ID: <rfc2231-demo.1@example.de>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"Apple-Mail=_5E8C1D2A-4F7B-4C1E-9A3D-0B6E2F8A1C47\"\n"
        "\n"
        "--Apple-Mail=_5E8C1D2A-4F7B-4C1E-9A3D-0B6E2F8A1C47\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "Content-Transfer-Encoding: 7bit\n"
        "\n"
        "Anbei der Bericht.\n"
        "\n"
        "--Apple-Mail=_5E8C1D2A-4F7B-4C1E-9A3D-0B6E2F8A1C47\n"
        "Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document;\n"
        "\tname*0*=UTF-8''Projektbericht%20f%C3%BCr%20die%20;\n"
        "\tname*1*=Gesch%C3%A4ftsf%C3%BChrung%202026.docx\n"
        "Content-Transfer-Encoding: base64\n"
        "Content-Disposition: attachment;\n"
        "\tfilename*0*=UTF-8''Projektbericht%20f%C3%BCr%20die%20;\n"
        "\tfilename*1*=Gesch%C3%A4ftsf%C3%BChrung%202026;\n"
        "\tfilename*2=\".docx\"\n"
        "\n",
        b64(tiny_docx()),
        "\n"
        "--Apple-Mail=_5E8C1D2A-4F7B-4C1E-9A3D-0B6E2F8A1C47\n"
        "Content-Type: text/plain; charset=iso-8859-1\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "Content-Disposition: attachment; filename*=iso-8859-1'de'Pr%FCfung%20%282%29.txt\n"
        "\n"
        "Pr=FCfung bestanden.\n"
        "\n"
        "--Apple-Mail=_5E8C1D2A-4F7B-4C1E-9A3D-0B6E2F8A1C47\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "Content-Disposition: attachment;\n"
        " filename*1=\"-part-two.txt\"; filename*0=\"notes\"\n"
        "\n"
        "Continuations numbered out of order still join by number.\n"
        "\n"
        "--Apple-Mail=_5E8C1D2A-4F7B-4C1E-9A3D-0B6E2F8A1C47--\n")


@fixture("8bit-raw-header-latin1.eml")
def _():
    return eml(
        "From: ", "Ren\u00e9 L\u00e9vesque".encode("iso-8859-1"), " <rene@example.fr>\n"
        "To: cuisine@example.fr\n"
        "Subject: ", "Caf\u00e9 cr\u00e8me \u00e0 10h".encode("iso-8859-1"), "\n"
        "Date: Tue, 10 Mar 2026 07:45:00 +0100\n"
        "Message-ID: <raw-latin1-header@example.fr>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=iso-8859-1\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n",
        "\u00c0 tout \u00e0 l'heure.\n".encode("iso-8859-1"))


@fixture("utf8-headers-rfc6532.eml")
def _():
    return eml(
        "From: ", "Zo\u00eb Salda\u00f1a".encode("utf-8"), " <zoe@example.com>\n"
        "To: ", "\"J\u00fcrgen Wei\u00df\" <j\u00fcrgen@b\u00fccher.example>".encode("utf-8"), "\n"
        "Subject: ", "\u041f\u0440\u0438\u0432\u0435\u0442, \u4e16\u754c \u2014 d\u00e9j\u00e0 vu".encode("utf-8"), "\n"
        "Date: Wed, 11 Mar 2026 20:15:30 -0300\n"
        "Message-ID: <", "n\u00e4chste-1@b\u00fccher.example".encode("utf-8"), ">\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n",
        "Ol\u00e1! \u3053\u3093\u306b\u3061\u306f \U0001F44B\n".encode("utf-8"))


@fixture("missing-closing-boundary.eml")
def _():
    return eml(
        "From: scanner@example.com\n"
        "To: archive@example.com\n"
        "Subject: Scan 0042\n"
        "Date: Thu, 12 Mar 2026 13:37:00 +0000\n"
        "Message-ID: <scan-0042@scanner.example.com>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"scan-boundary-0042\"\n"
        "\n"
        "--scan-boundary-0042\n"
        "Content-Type: text/plain\n"
        "\n"
        "Scanned document attached.\n"
        "--scan-boundary-0042\n"
        "Content-Type: text/plain; name=scan-0042.txt\n"
        "Content-Disposition: attachment; filename=scan-0042.txt\n"
        "\n"
        "Page 1 of 1\n"
        "(truncated by the sending device)\n")


@fixture("closing-boundary-of-parent.eml")
def _():
    return eml(
        "From: Helen <helen@example.org>\n"
        "To: Ian <ian@example.org>\n"
        "Subject: Photos\n"
        "Date: Fri, 13 Mar 2026 19:20:00 +0000\n"
        "Message-ID: <parent-close@example.org>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"outer-7Hq2\"\n"
        "\n"
        "--outer-7Hq2\n"
        "Content-Type: multipart/alternative; boundary=\"inner-K9zP\"\n"
        "\n"
        "--inner-K9zP\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n"
        "Photos from Saturday.\n"
        "--inner-K9zP\n"
        "Content-Type: text/html; charset=us-ascii\n"
        "\n"
        "<p>Photos from Saturday.</p>\n"
        "--outer-7Hq2\n"
        "Content-Type: image/gif; name=dot.gif\n"
        "Content-Transfer-Encoding: base64\n"
        "Content-Disposition: attachment; filename=dot.gif\n"
        "\n",
        b64(tiny_gif()),
        "--outer-7Hq2--\n")


@fixture("boundary-transport-padding.eml")
def _():
    b = "----=_NextPart_000_0012_01DA6B2C.3F1E8A90"
    return eml(
        "From: \"Jack Miller\" <jack@example.com>\n"
        "To: <kim@example.com>\n"
        "Subject: Re: Budget\n"
        "Date: Mon, 16 Mar 2026 10:10:10 -0400\n"
        "Message-ID: <000001da6b2c$3f1e8a90$bd5b9fb0$@example.com>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/alternative;\n"
        "\tboundary=\"" + b + "\"\n"
        "X-Mailer: Microsoft Outlook 16.0\n"
        "Content-Language: en-us\n"
        "\n"
        "This is a multipart message in MIME format.\n"
        "\n"
        "--" + b + " \t\n"
        "Content-Type: text/plain;\n"
        "\tcharset=\"us-ascii\"\n"
        "Content-Transfer-Encoding: 7bit\n"
        "\n"
        "Approved.\n"
        "\n"
        "--" + b + "   \n"
        "Content-Type: text/html;\n"
        "\tcharset=\"us-ascii\"\n"
        "Content-Transfer-Encoding: 7bit\n"
        "\n"
        "<html><body><p>Approved.</p></body></html>\n"
        "\n"
        "--" + b + "-- \n"
        "\n")


@fixture("preamble-epilogue.eml")
def _():
    return eml(
        "From: Nadia <nadia@example.net>\n"
        "To: Omar <omar@example.net>\n"
        "Subject: Preamble and epilogue\n"
        "Date: Tue, 17 Mar 2026 09:00:00 +0200\n"
        "Message-ID: <pre-epi@example.net>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=simple-boundary\n"
        "\n"
        "This is the preamble.  It is to be ignored, though it\n"
        "is a handy place for mail composers to include an\n"
        "explanatory note to non-MIME compliant readers.\n"
        "--simple-boundary\n"
        "\n"
        "This is implicitly typed plain US-ASCII text.\n"
        "It does NOT end with a linebreak.\n"
        "--simple-boundary\n"
        "Content-type: text/plain; charset=us-ascii\n"
        "\n"
        "This is explicitly typed plain US-ASCII text.\n"
        "It DOES end with a linebreak.\n"
        "\n"
        "--simple-boundary--\n"
        "\n"
        "This is the epilogue.  It is also to be ignored.\n")


@fixture("bad-base64.eml")
def _():
    return eml(
        "From: robot@example.com\n"
        "To: ops@example.com\n"
        "Subject: Broken base64 bodies\n"
        "Date: Wed, 18 Mar 2026 02:00:00 +0000\n"
        "Message-ID: <bad-b64@example.com>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/mixed; boundary=\"b64-bad\"\n"
        "\n"
        "--b64-bad\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "Content-Transfer-Encoding: base64\n"
        "\n"
        # Junk characters outside the alphabet (ignored, RFC 2045 section 6.8) and no padding.
        "SGVsbG8s!IHdv*cmxk\n"
        "IQ\n"
        "--b64-bad\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "Content-Transfer-Encoding: base64\n"
        "\n"
        # A final quantum of a single character cannot encode a byte.
        "U3RhdHVzOiBPSwo=\n"
        "QUJD\n"
        "R\n"
        "--b64-bad--\n")


@fixture("bad-quoted-printable.eml")
def _():
    return eml(
        "From: newsletter@example.com\n"
        "To: reader@example.org\n"
        "Subject: Quoted-printable in the wild\n"
        "Date: Thu, 19 Mar 2026 06:00:00 +0000\n"
        "Message-ID: <bad-qp@example.com>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        "Caf=C3=A9 and caf=c3=a9 (lowercase hex).\n"
        "Invalid escape =G1 stays as it is.\n"
        "Soft break with padding after it: one=  \n"
        "line.\n"
        "Trailing spaces are transport padding:   \n"
        "Truncated escape =A\n"
        "Last line ends in a soft break=")


@fixture("unknown-charset.eml")
def _():
    return eml(
        "From: legacy@example.com\n"
        "To: support@example.com\n"
        "Subject: Unknown charset\n"
        "Date: Fri, 20 Mar 2026 12:00:00 +0000\n"
        "Message-ID: <unknown-charset@example.com>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=\"x-mac-klingon\"\n"
        "Content-Transfer-Encoding: 7bit\n"
        "\n"
        "The charset label is unknown, but the text is plain ASCII.\n")


@fixture("format-flowed-delsp.eml")
def _():
    return eml(
        "From: Pat <pat@example.org>\n"
        "To: Quinn <quinn@example.org>\n"
        "Subject: Re: Trip\n"
        "Date: Fri, 20 Mar 2026 21:00:00 +0100\n"
        "Message-ID: <flowed-delsp@example.org>\n"
        "In-Reply-To: <trip-1@example.org>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8; format=flowed; delsp=yes\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n",
        ("> Are we still on for the trip to the lake next weekend? I booked the \n"
         "> cabin already.\n"
         "\n"
         "Yes! I will bring the k\u00e4yak and the tent. This line is long enough to be \n"
         "wrapped, and with delsp=yes the space before each soft break is removed \n"
         "when the paragraph is rejoined.\n"
         " From the station it is a short walk.\n"
         "\n"
         "-- \n"
         "Pat\n").encode("utf-8"))


@fixture("obsolete-date-zone.eml")
def _():
    return eml(
        "From: old-system@example.com\n"
        "To: admin@example.com\n"
        "Subject: Nightly report\n"
        "Date: Thu,  5 Mar 2026 16:30 EST\n"
        "Message-ID: <nightly-20260305@example.com>\n"
        "\n"
        "All jobs completed.\n")


@fixture("two-digit-year.eml")
def _():
    return eml(
        "Received: from pc1 ([10.0.0.5]) by exchange.example.com with SMTP (Microsoft Exchange Internet Mail Service Version 5.5.2650.21)\n"
        "\tid CK2J3L9F; Tue, 5 Jan 1999 10:00:03 +0100\n"
        "From: \"Ulla Berg\" <ulla@example.com>\n"
        "To: <viktor@example.com>\n"
        "Subject: Y2K checklist\n"
        "Date: Tue, 5 Jan 99 10:00:00 +0100\n"
        "Message-ID: <01BE3898.4A2B3C40@pc1.example.com>\n"
        "X-Mailer: Microsoft Outlook Express 5.00.2314.1300\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=\"us-ascii\"\n"
        "Content-Transfer-Encoding: 7bit\n"
        "\n"
        "Please review the Y2K checklist before Friday.\n")


@fixture("wrong-weekday.eml")
def _():
    # 20 November 2026 is a Friday.
    return eml(
        "From: calendar@example.com\n"
        "To: wendy@example.com\n"
        "Subject: Reminder: dentist\n"
        "Date: Wed, 20 Nov 2026 08:15:00 +0000\n"
        "Message-ID: <reminder-9921@example.com>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n"
        "Dentist appointment at 14:00.\n")


@fixture("semicolon-address-separator.eml")
def _():
    return eml(
        "From: Xavier <xavier@example.com>\n"
        "To: alice@example.com; bob@example.org;\n"
        " \"Carol Davis\" <carol@example.net>\n"
        "Cc: dave@example.com;\n"
        "Subject: Minutes\n"
        "Date: Mon, 23 Mar 2026 15:00:00 +0000\n"
        "Message-ID: <semicolons@example.com>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n"
        "Minutes attached inline: none.\n")


@fixture("group-addresses.eml")
def _():
    return eml(
        "From: Yara <yara@example.org>\n"
        "To: Project Team: alice@example.org, \"Bob (PM)\" <bob@example.org>,\n"
        "  carol@example.org (Carol C.);, Eve <eve@example.net>\n"
        "Cc: undisclosed-recipients:;\n"
        "Subject: Kickoff\n"
        "Date: Tue, 24 Mar 2026 09:30:00 +0100\n"
        "Message-ID: <groups@example.org>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n"
        "Kickoff is on Thursday.\n")


@fixture("no-headers-binary.eml")
def _():
    # A file saved with the wrong extension: PNG bytes, no header block at all.
    return tiny_png()


@fixture("bare-lf-line-endings.eml")
def _():
    return eml(
        "From: Zack <zack@example.com>\n"
        "To: list@example.org\n"
        "Subject: Saved by a Unix tool\n"
        "Date: Wed, 25 Mar 2026 22:10:00 +0000\n"
        "Message-ID: <bare-lf@example.com>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/alternative; boundary=\"lf-only\"\n"
        "\n"
        "--lf-only\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n"
        "Lines end in LF only.\n"
        "--lf-only\n"
        "Content-Type: text/html; charset=us-ascii\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        "<p style=3D\"margin:0\">Lines end in LF only.</p>\n"
        "--lf-only--\n", eol="\n")


@fixture("message-global.eml")
def _():
    original = (
        "From: ", "Z\u00fcrich Team <t\u00e9am@z\u00fcrich.example>".encode("utf-8"), "\n"
        "To: ", "<m\u00fcller@\u4f8b\u3048.example>".encode("utf-8"), "\n"
        "Subject: ", "Gr\u00fc\u00dfe aus Z\u00fcrich".encode("utf-8"), "\n"
        "Date: Thu, 26 Mar 2026 11:00:00 +0100\n"
        "Message-ID: <eai-1@z\u00fcrich.example>\n".encode("utf-8"),
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "\n",
        "Sch\u00f6ne Gr\u00fc\u00dfe!\n".encode("utf-8"))
    return eml(
        "From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\n"
        "To: ", "t\u00e9am@z\u00fcrich.example".encode("utf-8"), "\n"
        "Subject: Undelivered Mail Returned to Sender\n"
        "Date: Thu, 26 Mar 2026 11:00:05 +0100 (CET)\n"
        "Message-ID: <20260326100005.6F1A2C03B1@mx.example.net>\n"
        "Auto-Submitted: auto-replied\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/report; report-type=delivery-status;\n"
        "\tboundary=\"6F1A2C03B1.1774519205/mx.example.net\"\n"
        "\n"
        "This is a MIME-encapsulated message.\n"
        "\n"
        "--6F1A2C03B1.1774519205/mx.example.net\n"
        "Content-Description: Notification\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "\n"
        "The mail system could not deliver your message.\n"
        "\n"
        "--6F1A2C03B1.1774519205/mx.example.net\n"
        "Content-Description: Delivery report\n"
        "Content-Type: message/global-delivery-status\n"
        "\n"
        "Reporting-MTA: dns; mx.example.net\n"
        "\n",
        "Final-Recipient: utf-8; m\u00fcller@\u4f8b\u3048.example\n".encode("utf-8"),
        "Action: failed\n"
        "Status: 5.1.1\n"
        "\n"
        "--6F1A2C03B1.1774519205/mx.example.net\n"
        "Content-Description: Undelivered Message\n"
        "Content-Type: message/global\n"
        "\n",
        *original,
        "\n"
        "--6F1A2C03B1.1774519205/mx.example.net--\n")


@fixture("empty-body.eml")
def _():
    return eml(
        "From: Ann <ann@example.com>\n"
        "To: Ben <ben@example.com>\n"
        "Subject: \n"
        "Date: Thu, 26 Mar 2026 12:00:00 +0000\n"
        "Message-ID: <empty-body@example.com>\n"
        "\n")


@fixture("headers-only-no-final-newline.eml")
def _():
    return eml(
        "From: Ann <ann@example.com>\n"
        "To: Ben <ben@example.com>\n"
        "Subject: Headers only\n"
        "Date: Thu, 26 Mar 2026 12:01:00 +0000\n"
        "Message-ID: <headers-only@example.com>")


DEEP_LEVELS = 40


@fixture("deep-nesting.eml")
def _():
    # Each level wraps the next in its own multipart/mixed; a parser must stop descending at
    # its nesting limit instead of recursing without bound.
    head = ("From: fuzzer@example.com\n"
            "To: parser@example.com\n"
            "Subject: Deeply nested multiparts\n"
            "Date: Fri, 27 Mar 2026 00:00:00 +0000\n"
            "Message-ID: <deep-nesting@example.com>\n"
            "MIME-Version: 1.0\n"
            "Content-Type: multipart/mixed; boundary=\"level-0\"\n"
            "\n")
    opening = ""
    closing = ""
    for level in range(DEEP_LEVELS):
        opening += "--level-%d\n" % level
        if level + 1 < DEEP_LEVELS:
            opening += "Content-Type: multipart/mixed; boundary=\"level-%d\"\n\n" % (level + 1)
        closing = "--level-%d--\n" % level + closing
    opening += "Content-Type: text/plain\n\nThe innermost part.\n"
    return eml(head, opening, closing)


@fixture("references-broken-brackets.eml")
def _():
    return eml(
        "From: Sam <sam@example.com>\n"
        "To: Tess <tess@example.com>\n"
        "Subject: Re: Re: Schedule\n"
        "Date: Sat, 28 Mar 2026 10:00:00 +0000\n"
        "Message-ID: 1234.5678@legacy.example.com\n"
        "In-Reply-To: Your message of \"Fri, 27 Mar 2026 09:00:00 +0000\"\n"
        "\t<a1@example.com>\n"
        "References: <root@example.com> <a1@example.com\n"
        " <b2@example.com> (comment) c3@example.com\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n"
        "Works for me.\n")


@fixture("multipart-related-cid.eml")
def _():
    return eml(
        "From: Marketing <news@example.com>\n"
        "To: customer@example.org\n"
        "Subject: Spring sale\n"
        "Date: Sun, 29 Mar 2026 08:00:00 +0000\n"
        "Message-ID: <spring-sale.20260329@example.com>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/related; type=\"text/html\";\n"
        " boundary=\"related-boundary-19\"\n"
        "\n"
        "--related-boundary-19\n"
        "Content-Type: text/html; charset=us-ascii\n"
        "Content-Transfer-Encoding: 7bit\n"
        "\n"
        "<html><body><img src=\"cid:logo.1@example.com\" alt=\"\"><p>Spring sale!</p></body></html>\n"
        "--related-boundary-19\n"
        "Content-Type: image/gif\n"
        "Content-Transfer-Encoding: base64\n"
        "Content-ID: <logo.1@example.com>\n"
        "Content-Disposition: inline; filename=\"logo.gif\"\n"
        "\n",
        b64(tiny_gif()),
        "--related-boundary-19--\n")


@fixture("encoded-words-folded-subject.eml")
def _():
    return eml(
        "From: Olivia <olivia@example.com>\n"
        "To: team@example.com\n"
        "Subject: =?utf-8?q?Quarterly_update:_r=C3=A9sum=C3=A9?=\n"
        "  =?UTF-8?B?IGFuZCBuZXh0IHN0ZXBz?= (draft)\n"
        "\t=?ISO-8859-15?Q?=A4_budget?= final\n"
        "Date: Mon, 30 Mar 2026 09:00:00 +0200\n"
        "Message-ID: <folded-subject@example.com>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=us-ascii\n"
        "\n"
        "See subject.\n")


@fixture("content-type-edge-cases.eml")
def _():
    return eml(
        "From: Lee <lee@example.com>\n"
        "To: Mia <mia@example.com>\n"
        "Subject: Content-Type edge cases\n"
        "Date: Tue, 31 Mar 2026 10:00:00 +0000\n"
        "Message-ID: <ct-edges@example.com>\n"
        "Mime-Version: 1.0 (Generated by a script)\n"
        "Content-Type: Multipart/Mixed (outer); Boundary=\"ct-edge\"\n"
        "\n"
        "--ct-edge\n"
        "\n"
        "No header at all: text/plain in US-ASCII by default.\n"
        "--ct-edge\n"
        "Content-Type: TEXT/PLAIN (comment); CHARSET=\"UTF-8\"; Format=Fixed\n"
        "\n"
        "Uppercase type, parameter names and a comment.\n"
        "--ct-edge\n"
        "Content-Type: text\n"
        "\n"
        "A type without a subtype is invalid; it falls back to text/plain.\n"
        "--ct-edge\n"
        "Content-Type: application/octet-stream; name=report.txt\n"
        "Content-Transfer-Encoding: BASE64\n"
        "\n"
        "cmVwb3J0Cg==\n"
        "--ct-edge--\n")


@fixture("mbox-from-line.eml")
def _():
    return eml(
        "From alice@example.com Tue Mar  3 09:14:05 2026\n"
        "Return-Path: <alice@example.com>\n"
        "From: Alice <alice@example.com>\n"
        "To: bob@example.org\n"
        "Subject: Exported from an mbox\n"
        "Date: Tue, 3 Mar 2026 09:14:05 +0000\n"
        "Message-ID: <mbox-export@example.com>\n"
        "Status: RO\n"
        "\n"
        "The first line is an mbox separator, not a header field.\n"
        ">From here on the body is ordinary.\n", eol="\n")


@fixture("obs-header-syntax.eml")
def _():
    return eml(
        "FROM: Rita <rita@example.com>\n"
        "to: sven@example.com\n"
        "Subject : whitespace before the colon\n"
        "X-Empty:\n"
        "X-Folded-Only:\n"
        "\tcontinued on the next line\n"
        "date: Wed, 1 Apr 2026 12:00:00 +0000\n"
        "message-id: <obs-syntax@example.com>\n"
        "X-Long: " + " ".join("token%03d" % i for i in range(120)) + "\n"
        "\n"
        "Field names in any case; obsolete syntax from RFC 5322 section 4.5.\n")


@fixture("multipart-signed-pgp.eml")
def _():
    sig = pseudo_b64("pgp-signature", 340)
    return eml(
        "From: Tom <tom@example.org>\n"
        "To: Uma <uma@example.org>\n"
        "Subject: Signed release notes\n"
        "Date: Thu, 2 Apr 2026 17:00:00 +0000\n"
        "Message-ID: <signed-notes@example.org>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: multipart/signed; micalg=pgp-sha256;\n"
        " protocol=\"application/pgp-signature\";\n"
        " boundary=\"pgp-sig-6a7b\"\n"
        "\n"
        "This is an OpenPGP/MIME signed message (RFC 4880 and 3156)\n"
        "--pgp-sig-6a7b\n"
        "Content-Type: text/plain; charset=utf-8\n"
        "Content-Transfer-Encoding: quoted-printable\n"
        "\n"
        "Release 2.0 =E2=80=93 notes:\n"
        "- faster parser\n"
        "\n"
        "--pgp-sig-6a7b\n"
        "Content-Type: application/pgp-signature; name=\"signature.asc\"\n"
        "Content-Description: OpenPGP digital signature\n"
        "Content-Disposition: attachment; filename=\"signature.asc\"\n"
        "\n"
        "-----BEGIN PGP SIGNATURE-----\n"
        "\n" + "".join(sig[i:i + 64] + "\n" for i in range(0, len(sig), 64)) +
        "=Xq4Z\n"
        "-----END PGP SIGNATURE-----\n"
        "\n"
        "--pgp-sig-6a7b--\n")


@fixture("coi-chat-message.eml")
def _():
    return eml(
        "From: Me Myself <me@example.com>\n"
        "To: You <you@recipient.example>\n"
        "Date: Fri, 3 Apr 2026 18:22:05 +0200\n"
        "Subject: Chat: Hello COI\n"
        "Message-ID: <chat$S2571BC.2878&8@example.com>\n"
        "In-Reply-To: <chat$A1B2C3.9981@recipient.example>\n"
        "References: <chat$ROOT0001.42@example.com>\n"
        " <chat$A1B2C3.9981@recipient.example>\n"
        "Chat-Version: 1.0\n"
        "Disposition-Notification-To: Me Myself <me@example.com>\n"
        "MIME-Version: 1.0\n"
        "Content-Type: text/plain; charset=UTF-8\n"
        "Content-Transfer-Encoding: 8bit\n"
        "\n",
        "Hello \U0001F44B, this is a chat message sent over email.\n".encode("utf-8"))


def main():
    for name, function in FIXTURES.items():
        data = function()
        assert len(data) < 20 * 1024, name
        with open(os.path.join(HERE, name), "wb") as handle:
            handle.write(data)
    print("%d fixtures written" % len(FIXTURES))


if __name__ == "__main__":
    main()
