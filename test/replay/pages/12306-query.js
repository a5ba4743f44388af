/* RailAir replay of 12306's queryLeftTicket_end_js.js — our own plain-JS stand-in for the page's
 * query logic, behaving the way SITES.md describes the real one:
 *  - GET ctx + CLeftTicketUrl with leftTicketDTO.train_date/from_station/to_station and purpose_codes,
 *    through XMLHttpRequest with the headers jQuery's $.ajax sends there (If-Modified-Since: 0,
 *    Cache-Control: no-cache, X-Requested-With), 10 s timeout;
 *  - on {status:false, c_url} sets CLeftTicketUrl = c_url and queries again; retries once on 403;
 *  - renders each train as two rows (ticket_… and the hidden price_…) into a new
 *    <tbody id="queryLeftTable"> that REPLACES the old one (jQuery replaceWith semantics);
 *  - saves the form in the _jc_save_* cookies (escape()-encoded, as the real page does).
 * It is served for both our own init page and the real saved page (which loads the same path). */
(function () {
  'use strict';

  var MAX_URL_HOPS = 3;
  var SEAT_COLUMNS = [
    // [cell id prefix, row field index]; the first column is 商务座 or 特等座, whichever the train has.
    ['SWZ_', 32],
    ['ZY_', 31],
    ['ZE_', 30],
    ['GR_', 21],
    ['RW_', 23],
    ['SRRB_', 33],
    ['YW_', 28],
    ['RZ_', 24],
    ['YZ_', 29],
    ['WZ_', 26],
    ['QT_', 22],
  ];
  var SEAT_NAMES = {
    SWZ_: '商务座', TZ_: '特等座', ZY_: '一等座', ZE_: '二等座', GR_: '高级软卧', RW_: '软卧',
    SRRB_: '动卧', YW_: '硬卧', RZ_: '软座', YZ_: '硬座', WZ_: '无座', QT_: '其他',
  };
  // Seat code letter in yp_info_new → column prefix.
  var CODE_COLUMN = {
    '9': 'SWZ_', P: 'TZ_', M: 'ZY_', O: 'ZE_', '6': 'GR_', A: 'GR_', '4': 'RW_', I: 'RW_',
    F: 'SRRB_', '3': 'YW_', J: 'YW_', '2': 'RZ_', '1': 'YZ_', W: 'WZ_',
  };

  var state = { hops: 0, retried403: false, inFlight: null, lastStations: {} };

  function $(id) { return document.getElementById(id); }

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  function getCookie(name) {
    var parts = document.cookie ? document.cookie.split('; ') : [];
    for (var i = 0; i < parts.length; i++) {
      var eq = parts[i].indexOf('=');
      if (parts[i].slice(0, eq) === name) return unescape(parts[i].slice(eq + 1));
    }
    return '';
  }

  function setCookie(name, value) {
    document.cookie = name + '=' + escape(value) + '; path=/';
  }

  // "北京,BJP" → {name, code}
  function splitStation(v) {
    var i = v.lastIndexOf(',');
    return i < 0 ? { name: v, code: '' } : { name: v.slice(0, i), code: v.slice(i + 1) };
  }

  function stationNameOf(code) {
    if (state.lastStations[code]) return state.lastStations[code];
    var list = typeof station_names === 'string' ? station_names : '';
    var m = new RegExp('@[a-z]*\\|([^|]+)\\|' + code + '\\|').exec(list);
    return m ? m[1] : code;
  }

  function readForm() {
    var date = $('train_date').value.trim().slice(0, 10);
    return {
      date: date,
      from: $('fromStation').value,
      to: $('toStation').value,
      fromName: $('fromStationText').value,
      toName: $('toStationText').value,
      student: $('sf2') && $('sf2').checked,
    };
  }

  function fillForm() {
    var params = new URLSearchParams(location.search);
    var fs = params.get('fs') || getCookie('_jc_save_fromStation');
    var ts = params.get('ts') || getCookie('_jc_save_toStation');
    var date = params.get('date') || getCookie('_jc_save_fromDate');
    if (fs) { var f = splitStation(fs); $('fromStationText').value = f.name; $('fromStation').value = f.code; }
    if (ts) { var t = splitStation(ts); $('toStationText').value = t.name; $('toStation').value = t.code; }
    if (date) $('train_date').value = date;
    return Boolean(params.get('fs') && params.get('ts') && params.get('date'));
  }

  function saveCookies(q) {
    setCookie('_jc_save_fromStation', q.fromName + ',' + q.from);
    setCookie('_jc_save_toStation', q.toName + ',' + q.to);
    setCookie('_jc_save_fromDate', q.date);
    setCookie('_jc_save_toDate', q.date);
    setCookie('_jc_save_wfdc_flag', 'dc');
  }

  function showOnly(id) {
    ['no_filter_ticket_2', 'no_filter_ticket_6', 'no_filter_ticket_net'].forEach(function (x) {
      var el = $(x);
      if (el) el.style.display = x === id ? 'block' : 'none';
    });
  }

  function queryLeftTicket() {
    var q = readForm();
    if (!q.from || !q.to || !q.date) return;
    saveCookies(q);
    state.hops = 0;
    state.retried403 = false;
    send(q);
  }

  function send(q) {
    if (state.inFlight) state.inFlight.abort();
    var url = ctx + CLeftTicketUrl +
      '?leftTicketDTO.train_date=' + encodeURIComponent(q.date) +
      '&leftTicketDTO.from_station=' + encodeURIComponent(q.from) +
      '&leftTicketDTO.to_station=' + encodeURIComponent(q.to) +
      '&purpose_codes=' + (q.student ? '0X00' : 'ADULT');
    var xhr = new XMLHttpRequest();
    state.inFlight = xhr;
    xhr.open('GET', url, true);
    xhr.setRequestHeader('If-Modified-Since', '0');
    xhr.setRequestHeader('Cache-Control', 'no-cache');
    xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
    xhr.setRequestHeader('Accept', '*/*');
    xhr.timeout = 10000;
    xhr.onload = function () {
      state.inFlight = null;
      if (xhr.status === 403) {
        if (!state.retried403) { state.retried403 = true; setTimeout(function () { send(q); }, 500); return; }
        showOnly('no_filter_ticket_6');
        return;
      }
      var data;
      try { data = JSON.parse(xhr.responseText); } catch (e) { data = null; }
      if (!data) { showOnly('no_filter_ticket_net'); return; }
      if (data.status === false && data.c_url) {
        if (++state.hops > MAX_URL_HOPS) { showOnly('no_filter_ticket_net'); return; }
        CLeftTicketUrl = data.c_url;
        send(q);
        return;
      }
      if (data.status && data.data && data.data.result) {
        render(q, data.data);
        return;
      }
      showOnly('no_filter_ticket_net');
    };
    xhr.onerror = xhr.ontimeout = function () {
      state.inFlight = null;
      showOnly('no_filter_ticket_net');
    };
    xhr.send(null);
  }

  function priceTable(ypInfo) {
    var prices = {};
    if (!ypInfo || !/^[0-9A-Z]{10,}$/.test(ypInfo) || ypInfo.length % 10 !== 0) return prices;
    for (var i = 0; i < ypInfo.length; i += 10) {
      var g = ypInfo.slice(i, i + 10);
      var count = Number(g.slice(6));
      var col = count >= 3000 ? 'WZ_' : CODE_COLUMN[g[0]] || 'QT_';
      if (!prices[col]) prices[col] = Number(g.slice(1, 6)) / 10;
    }
    return prices;
  }

  function seatCell(f, prefix, index, trainNo, code, prices) {
    var value = f[index] || '';
    if (prefix === 'SWZ_' && !value && f[25]) { prefix = 'TZ_'; value = f[25]; }
    var shown = value === '' ? '--' : value;
    var cls = '';
    if (value === '有') cls = 'yes';
    else if (/^\d+$/.test(value) && Number(value) > 0) cls = 't-num';
    var label = '';
    if (prices[prefix] !== undefined) {
      label = ' aria-label="' + esc(code + '次列车，' + SEAT_NAMES[prefix] + '票价' + prices[prefix] + '元，余票' + shown) + '"';
    }
    return '<td width="46" align="center"' + (cls ? ' class="' + cls + '"' : '') + ' id="' + prefix + esc(trainNo) + '"' + label + '>' + esc(shown) + '</td>';
  }

  function rowHtml(f, i, map, date) {
    var trainNo = f[2], code = f[3], fromCode = f[6], toCode = f[7];
    var fromNo = f[16], toNo = f[17];
    var fromName = map[fromCode] || stationNameOf(fromCode);
    var toName = map[toCode] || stationNameOf(toCode);
    var start = f[8], arrive = f[9], lishi = f[10];
    var sm = start.split(':'), lm = lishi.split(':');
    var arrMin = Number(sm[0]) * 60 + Number(sm[1]) + Number(lm[0]) * 60 + Number(lm[1]);
    var days = Math.floor(arrMin / 1440);
    var dayText = days === 0 ? '当日到达' : days === 1 ? '次日到达' : '两日到达';
    var prices = priceTable(f[39] || f[12]);
    var idBase = trainNo + '_' + fromNo + '_' + toNo;
    var html = '<tr id="ticket_' + esc(idBase) + '" class="' + (i % 2 === 0 ? 'bgc' : '') + '" datatran="' + esc(code) +
      '" yp_info_new="' + esc(f[39] || '') + '" seat_discount_info="' + esc(f[54] || '') + '">' +
      '<td colspan="4" width="370"><div class="ticket-info clearfix" id="train_num_' + i + '">' +
      '<div class="train" id="ticket_' + esc(trainNo) + '_train"><div><a title="点击查看停靠站信息" href="javascript:" id="' +
      esc(trainNo + '_' + fromCode + '_' + toCode) + '" class="number" data-index="' + i + '">' + esc(code) + '</a></div>' +
      '<div class="train-type">' + (/^[GDC]/.test(code) ? '<span class="fu">复</span>' : '') + '</div></div>' +
      '<div class="cdz"><strong class="start-s">' + esc(fromName) + '</strong><strong class="end-s">' + esc(toName) + '</strong></div>' +
      '<div class="cds"><strong class="start-t">' + esc(start) + '</strong><strong class="color999">' + esc(arrive) + '</strong></div>' +
      '<div class="ls" id="' + esc(trainNo) + '_ls"><strong>' + esc(lishi) + '</strong><span>' + dayText + '</span></div></div></td>';
    for (var c = 0; c < SEAT_COLUMNS.length; c++) {
      html += seatCell(f, SEAT_COLUMNS[c][0], SEAT_COLUMNS[c][1], trainNo, code, prices);
    }
    if (f[11] === 'Y') {
      html += '<td align="center" width="80" class="no-br"><a href="javascript:" class="btn72" data-secret="' + esc(f[0]) + '">预订</a></td>';
    } else {
      html += '<td align="center" width="80" class="no-br">' + esc(f[1] || '预订') + '</td>';
    }
    html += '</tr><tr datatran="' + esc(code) + '" id="price_' + esc(idBase) + '" style="display:none;"></tr>';
    return html;
  }

  function render(q, data) {
    var map = data.map || {};
    state.lastStations = map;
    var rows = data.result || [];
    var html = '';
    for (var i = 0; i < rows.length; i++) html += rowHtml(String(rows[i]).split('|'), i, map, q.date);
    // jQuery's $('#queryLeftTable').replaceWith(html): a new element each query.
    var fresh = document.createElement('tbody');
    fresh.id = 'queryLeftTable';
    fresh.innerHTML = html;
    var old = $('queryLeftTable');
    old.parentNode.replaceChild(fresh, old);
    var md = q.date.slice(5).split('-');
    $('sear-result').querySelector('p').innerHTML =
      '<strong>' + esc(q.fromName) + ' --&gt; ' + esc(q.toName) + '（' + Number(md[0]) + '月' + Number(md[1]) + '日）</strong>共计<strong id="trainum">' +
      rows.length + '</strong>个车次';
    if (rows.length === 0) {
      $('no_filter_ticket_fromstation').textContent = q.fromName;
      $('no_filter_ticket_tostation').textContent = q.toName;
      showOnly('no_filter_ticket_2');
    } else {
      showOnly(null);
    }
  }

  // The stop-station box the real page opens from the train number (myStopStation.open).
  window.myStopStation = {
    open: function (anchor) {
      var box = $('train_stop');
      var code = anchor.textContent;
      if (box.style.display === 'block' && box.getAttribute('data-train') === code) {
        box.style.display = 'none';
        return;
      }
      var row = anchor.closest('tr');
      box.setAttribute('data-train', code);
      box.textContent = code + ' 次列车停靠站信息：' + row.querySelector('.start-s').textContent + ' → ' + row.querySelector('.end-s').textContent;
      var r = anchor.getBoundingClientRect();
      box.style.left = (r.left + window.scrollX) + 'px';
      box.style.top = (r.bottom + window.scrollY + 4) + 'px';
      box.style.display = 'block';
    },
  };

  // Delegated on the table (not the tbody), since every query replaces the tbody.
  $('t-list').addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a.number, a.btn72');
    if (!a) return;
    e.preventDefault();
    if (a.classList.contains('number')) window.myStopStation.open(a);
    else $('login_tip').style.display = 'block';
  });

  $('query_ticket').addEventListener('click', function (e) {
    e.preventDefault();
    queryLeftTicket();
  });

  $('change_station').addEventListener('click', function () {
    var a = [$('fromStationText').value, $('fromStation').value];
    $('fromStationText').value = $('toStationText').value;
    $('fromStation').value = $('toStation').value;
    $('toStationText').value = a[0];
    $('toStation').value = a[1];
  });

  $('query_ticket').className = $('query_ticket').className.replace(/\s*btn-disabled/, '');
  if (fillForm()) queryLeftTicket();
})();
