-- Drives a headless Neovim through a brief, as a writer would, with briefc
-- attached by the docs/editors.md snippet (loaded as init.lua before this).
-- tests/neovim.rs runs it and reads the JSON it writes to $BRIEFC_OUT.
local out = { steps = {} }

local function step(name) table.insert(out.steps, name) end

local function diagnostics(buf)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(found, {
      lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col,
      severity = d.severity, message = d.message, source = d.source,
      code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code),
    })
  end
  table.sort(found, function(a, b) return a.lnum < b.lnum or (a.lnum == b.lnum and a.col < b.col) end)
  return found
end

local function replace_line(buf, from, to)
  for i, line in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    if line == from then
      vim.api.nvim_buf_set_lines(buf, i - 1, i, false, { to })
      return true
    end
  end
  error('no line ' .. from)
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('BRIEFC_BRIEF')))
  local buf = vim.api.nvim_get_current_buf()
  out.filetype = vim.bo[buf].filetype

  -- 1. The server's diagnostics arrive for the opened brief.
  if not vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20) then
    error('no diagnostics arrived')
  end
  step('diagnostics')
  out.clients = #vim.tbl_keys(vim.lsp.buf_get_clients(buf))
  out.opened = diagnostics(buf)

  -- 2. The writer fixes both lines; the diagnostics clear.
  replace_line(buf, os.getenv('BRIEFC_BAD1'), os.getenv('BRIEFC_GOOD1'))
  replace_line(buf, os.getenv('BRIEFC_BAD2'), os.getenv('BRIEFC_GOOD2'))
  if not vim.wait(20000, function() return #vim.diagnostic.get(buf) == 0 end, 20) then
    out.left = diagnostics(buf)
    error('diagnostics did not clear')
  end
  step('cleared')

  -- 3. The writer makes a mess; the server formats it back.
  replace_line(buf, os.getenv('BRIEFC_TIDY'), os.getenv('BRIEFC_MESSY'))
  vim.api.nvim_buf_set_lines(buf, -1, -1, false, { '', '', '' })
  vim.wait(500)
  out.before_format = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
  if vim.lsp.buf.format then
    vim.lsp.buf.format({ timeout_ms = 10000 })
  else
    vim.lsp.buf.formatting_sync(nil, 10000)
  end
  out.after_format = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n') .. '\n'
  step('formatted')
  vim.cmd('write')
  step('written')
end

local ok, err = pcall(run)
out.ok = ok
out.error = err and tostring(err) or nil
vim.fn.writefile({ vim.fn.json_encode(out) }, os.getenv('BRIEFC_OUT'))
vim.cmd('qa!')
