-- Drives a stdio language server from headless Neovim (0.7+ API: vim.lsp.start_client,
-- buf_attach_client, buf_request_sync). Run through e2e/neovim-check.sh, which sets:
--   AK_NV_CMD            JSON array: the server command, e.g. ["node","dist/server.js","--stdio"]
--   AK_NV_ROOT           workspace root folder (rootUri)
--   AK_NV_FILE           file to open and attach
--   AK_NV_FILETYPE       filetype / languageId for the buffer (default markdown)
--   AK_NV_DIAG_SOURCE    required source of at least one diagnostic (optional)
--   AK_NV_DIAG_CODE      required code of that diagnostic (optional)
--   AK_NV_DIAG_TEXT      required substring of that diagnostic's message (optional)
--   AK_NV_HOVER_TEXT     hover at the first line containing this text (inside it) (optional)
--   AK_NV_HOVER_LINE/COL hover at this 1-based line and 1-based byte column instead (optional)
--   AK_NV_HOVER_EXPECT   "|"-separated substrings the hover must contain (optional)
--   AK_NV_TIMEOUT_MS     budget for each wait (default 30000)
-- Prints one line per step and "N passed, N failed"; exits non-zero on any failure.

local env = function(k, default)
  local v = os.getenv(k)
  if v == nil or v == '' then return default end
  return v
end
local out = function(s) io.stdout:write(s .. '\n'); io.stdout:flush() end
local passed, failed = 0, 0
local function step(name, ok, detail)
  if ok then passed = passed + 1 else failed = failed + 1 end
  out(string.format('%s %s%s', ok and 'PASS' or 'FAIL', name, detail and (': ' .. detail) or ''))
end
local client_id
local function finish()
  if client_id then
    local client = vim.lsp.get_client_by_id(client_id)
    if client then
      client.stop()
      vim.wait(3000, function() return client.is_stopped() end, 50)
      if not client.is_stopped() then client.stop(true) end
    end
  end
  out(string.format('%d passed, %d failed', passed, failed))
  if failed > 0 then vim.cmd('cquit 1') else vim.cmd('qall!') end
end

local function main()
  local timeout = tonumber(env('AK_NV_TIMEOUT_MS', '30000'))
  local cmd = vim.fn.json_decode((assert(env('AK_NV_CMD'), 'AK_NV_CMD not set')))
  local root = vim.fn.fnamemodify(assert(env('AK_NV_ROOT'), 'AK_NV_ROOT not set'), ':p'):gsub('/$', '')
  local file = vim.fn.fnamemodify(assert(env('AK_NV_FILE'), 'AK_NV_FILE not set'), ':p')
  local uri = vim.uri_from_fname(file)

  -- diagnostics by real path (a server may spell the URI of a file differently from ours)
  local function key(u)
    local ok, fname = pcall(vim.uri_to_fname, u)
    return ok and (vim.loop.fs_realpath(fname) or fname) or u
  end
  local diagnostics = {} -- key(uri) -> list, from textDocument/publishDiagnostics
  local me = key(uri)
  local exited
  client_id = vim.lsp.start_client({
    name = 'ak-e2e',
    cmd = cmd,
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = vim.fn.fnamemodify(root, ':t') } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(_, result)
        if result and result.uri then diagnostics[key(result.uri)] = result.diagnostics or {} end
      end,
      ['window/logMessage'] = function() end,
      ['window/showMessage'] = function(_, result) if result then out('  server says: ' .. tostring(result.message)) end end,
    },
    on_exit = function(code, signal) exited = string.format('code %s signal %s', tostring(code), tostring(signal)) end,
  })
  if not client_id then
    step('start', false, 'vim.lsp.start_client returned nil for ' .. table.concat(cmd, ' '))
    return
  end
  local client
  local up = vim.wait(timeout, function()
    client = vim.lsp.get_client_by_id(client_id)
    return exited ~= nil or (client and client.initialized)
  end, 50)
  if not up or exited then
    step('start', false, exited and ('server exited: ' .. exited) or 'no initialize response')
    return
  end
  local caps = client.server_capabilities or client.resolved_capabilities or {}
  step('start', true, string.format('%s initialized (hoverProvider=%s)', table.concat(cmd, ' '), tostring(caps.hoverProvider or caps.hover)))

  -- open the file in a buffer and attach it (sends textDocument/didOpen with languageId = filetype)
  vim.cmd('silent edit ' .. vim.fn.fnameescape(file))
  local bufnr = vim.api.nvim_get_current_buf()
  vim.api.nvim_buf_set_option(bufnr, 'filetype', env('AK_NV_FILETYPE', 'markdown'))
  if not vim.lsp.buf_attach_client(bufnr, client_id) then
    step('attach', false, 'buf_attach_client failed')
    return
  end

  -- diagnostics
  local want_source, want_code, want_text = env('AK_NV_DIAG_SOURCE'), env('AK_NV_DIAG_CODE'), env('AK_NV_DIAG_TEXT')
  local function matches(d)
    return (not want_source or d.source == want_source)
      and (not want_code or tostring(d.code) == want_code)
      and (not want_text or (d.message or ''):find(want_text, 1, true) ~= nil)
  end
  local found
  vim.wait(timeout, function()
    for _, d in ipairs(diagnostics[me] or {}) do if matches(d) then found = d; return true end end
    return exited ~= nil or (not want_source and not want_code and not want_text and diagnostics[me] ~= nil)
  end, 50)
  local list = diagnostics[me]
  if list then
    for _, d in ipairs(list) do
      out(string.format('  diagnostic %d:%d severity=%s source=%s code=%s %s', d.range.start.line + 1,
        d.range.start.character + 1, tostring(d.severity), tostring(d.source), tostring(d.code), (d.message or ''):gsub('\n', ' ')))
    end
  end
  if want_source or want_code or want_text then
    step('diagnostics', found ~= nil, found and string.format('%s %s at line %d', tostring(found.source), tostring(found.code), found.range.start.line + 1)
      or string.format('no diagnostic with source=%s code=%s text=%s among %d published%s', tostring(want_source),
        tostring(want_code), tostring(want_text), list and #list or 0, list and '' or ' (none received)'))
  else
    step('diagnostics', list ~= nil, list and (#list .. ' published') or 'no publishDiagnostics received')
  end

  -- hover
  local hover_text, hline, hcol = env('AK_NV_HOVER_TEXT'), tonumber(env('AK_NV_HOVER_LINE', '')), tonumber(env('AK_NV_HOVER_COL', '1'))
  if not hover_text and not hline then return end
  local lines = vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
  if hover_text then
    for i, l in ipairs(lines) do
      local s = l:find(hover_text, 1, true)
      if s then hline, hcol = i, s + math.min(2, #hover_text - 1); break end
    end
    if not hline then step('hover', false, 'no line contains ' .. hover_text); return end
  end
  local line_text = lines[hline] or ''
  local character = vim.str_utfindex(line_text, math.min(hcol - 1, #line_text)) -- LSP positions count UTF-16 units
  local params = { textDocument = { uri = uri }, position = { line = hline - 1, character = character } }
  local responses, err = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, timeout)
  local r = responses and responses[client_id]
  if not r or r.err then
    step('hover', false, string.format('no answer at %d:%d (%s)', hline, hcol, vim.inspect(err or (r and r.err))))
    return
  end
  local text = ''
  if r.result and r.result.contents then
    text = table.concat(vim.lsp.util.convert_input_to_markdown_lines(r.result.contents), '\n')
  end
  out(string.format('  hover at %d:%d: %s', hline, hcol, text:gsub('\n', ' \\n '):sub(1, 300)))
  local expect = env('AK_NV_HOVER_EXPECT')
  local missing = {}
  if expect then
    for w in expect:gmatch('[^|]+') do if not text:find(w, 1, true) then table.insert(missing, w) end end
  end
  step('hover', text ~= '' and #missing == 0, #missing > 0 and ('missing ' .. table.concat(missing, ', ')) or
    (text == '' and 'empty hover' or string.format('%d chars', #text)))
end

local ok, e = xpcall(main, debug.traceback)
if not ok then step('lua', false, tostring(e):gsub('\n', ' | ')) end
finish()
