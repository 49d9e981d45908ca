-- Brings pandoc's plain-text conventions for images, figures, super/subscripts and rules to
-- decruft's txt ones, so that the remaining text can be compared as is
-- (tests/plugins/test_pandoc.py): txt shows no inline image, a figure as its caption, and
-- no rule; pandoc's plain writer shows an image as its description in brackets,
-- a rule as a line of dashes, and super/subscripts as Unicode characters where each character
-- has one (as txt does) but as ^(...) / _(...) where not (txt writes those plain).
local function caption_para(inlines)
  if #inlines == 0 then return {} end
  return pandoc.Para(inlines)
end

local figures = {
  -- pandoc 2 (API 1.22): a figure is an image alone in a paragraph, titled "fig:..."
  Para = function(el)
    if #el.content == 1 and el.content[1].t == "Image"
        and el.content[1].title:sub(1, 4) == "fig:" then
      return caption_para(el.content[1].caption)
    end
  end,
  -- pandoc 3 (API 1.23)
  Figure = function(el)
    return caption_para(pandoc.utils.blocks_to_inlines(el.caption.long))
  end,
}

-- Whether every character of a script (spaces at its ends aside) has a Unicode form.
local function unicode_script(el)
  local s = pandoc.utils.stringify(el):gsub("^%s+", ""):gsub("%s+$", "")
  local rest = s:gsub("\u{2212}", "")
  return s ~= "" and rest:match("^[0-9+%-=()]*$") ~= nil
end

local function script(el)
  if unicode_script(el) then return nil end
  return el.content
end

local rest = {
  Image = function(el) return {} end,
  Superscript = script,
  Subscript = script,
  HorizontalRule = function(el) return {} end,
}

-- Figures first: one traversal would remove the image before its paragraph is seen.
return {figures, rest}
