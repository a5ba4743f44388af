/* RailAir replay of Fliggy's flight search loader: reads depCity/arrCity/depDate from the URL,
 * loads /searchow/search.htm?…&callback=NAME through a <script> tag (JSONP, as the real loader does)
 * and renders the list with the classes scrapers of the real page use. Clicking a flight row
 * toggles its detail line (so a test can prove page behaviour is unchanged). */
(function () {
  'use strict';
  var seq = 0;

  function $(id) { return document.getElementById(id); }
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }
  function hm(s) { var m = /(\d{1,2}:\d{2})/.exec(s || ''); return m ? m[1] : ''; }
  function minutesBetween(a, b) {
    var ta = Date.parse(String(a).replace(' ', 'T') + ':00+08:00');
    var tb = Date.parse(String(b).replace(' ', 'T') + ':00+08:00');
    return isNaN(ta) || isNaN(tb) ? null : Math.round((tb - ta) / 60000);
  }

  /* A connection (isTransfer, transferFlight[]) shows as one row: its flight numbers joined by "+",
   * the first flight's departure and the last one's arrival. */
  function connection(f) {
    var legs = f.transferFlight;
    if (!f.isTransfer || !legs || !legs.length) return f;
    var first = legs[0], last = legs[legs.length - 1];
    var out = {};
    for (var k in f) out[k] = f[k];
    out.flightNo = legs.map(function (l) { return l.flightNo; }).join('+');
    out.depTime = first.depTime; out.arrTime = last.arrTime;
    out.depAirport = first.depAirport; out.arrAirport = last.arrAirport;
    out.depTerm = first.depTerm; out.arrTerm = last.arrTerm;
    return out;
  }

  function render(payload) {
    $('J_Loading').style.display = 'none';
    var data = (payload && payload.data) || {};
    var flights = data.flight || [];
    var airlines = data.aircodeNameMap || {};
    var airports = data.airportMap || {};
    var box = $('J_FlightListBox');
    if (!flights.length) { box.innerHTML = ''; $('J_NoResult').style.display = 'block'; return; }
    $('J_NoResult').style.display = 'none';
    var html = '';
    for (var i = 0; i < flights.length; i++) {
      var f = connection(flights[i]);
      var cabin = f.cabin || {};
      var price = cabin.price != null ? cabin.price : cabin.bestPrice;
      var mins = minutesBetween(f.depTime, f.arrTime);
      var transfer = f.isTransfer ? '1' : '0';
      html += '<div class="flight-list-item J_FlightItem" data-is-transfer="' + transfer + '" data-flight-no="' + esc(f.flightNo) + '">' +
        '<table><tbody><tr class="flight-item-tr">' +
        '<td class="flight-line"><p class="J_line">' + esc(airlines[f.airlineCode] || f.airlineCode) + ' ' + esc(f.flightNo) + '</p>' +
        '<p class="J_FlightType">' + esc(f.flightType || '') + (f.stop ? ' 经停' : '') + '</p></td>' +
        '<td class="flight-time"><p class="flight-time-deptime">' + esc(hm(f.depTime)) + '</p><p class="s-time">' + esc(hm(f.arrTime)) + '</p></td>' +
        '<td class="flight-port"><p class="port-dep">' + esc((airports[f.depAirport] || f.depAirport) + (f.depTerm || '')) + '</p>' +
        '<p class="port-arr">' + esc((airports[f.arrAirport] || f.arrAirport) + (f.arrTerm || '')) + '</p></td>' +
        '<td class="flight-total-time">' + (mins === null ? '' : Math.floor(mins / 60) + '小时' + (mins % 60) + '分') + '</td>' +
        '<td class="flight-price">' + (price === undefined ? '<span class="sold-out">售完</span>' : '<span class="J_FlightListPrice">¥' + esc(price) + '</span>') +
        (cabin.discount ? ' <span class="discount">' + esc(cabin.discount) + '折</span>' : '') + '</td>' +
        '</tr></tbody></table>' +
        '<div class="flight-detail" style="display:none">' + esc(f.flightNo) + (f.buildPrice !== undefined ? ' 机建 ¥' + esc(f.buildPrice) + ' 燃油 ¥' + esc(f.oilPrice) : '') + '</div>' +
        '</div>';
    }
    box.innerHTML = html;
  }

  function search() {
    var dep = $('J_DepCity').value, arr = $('J_ArrCity').value, date = $('J_DepDate').value;
    var name = 'jsonp' + (270 + seq++);
    window[name] = function (payload) {
      try { delete window[name]; } catch (e) { window[name] = undefined; }
      render(payload);
    };
    $('J_Loading').style.display = 'block';
    var s = document.createElement('script');
    s.src = '/searchow/search.htm?tripType=0&depCity=' + encodeURIComponent(dep) + '&arrCity=' + encodeURIComponent(arr) +
      '&depDate=' + encodeURIComponent(date) + '&searchSource=99&searchBy=1280&_input_charset=utf-8&openCb=false&callback=' + name +
      '&_ksTS=' + Date.now() + '_' + seq;
    s.onerror = function () { $('J_Loading').textContent = '网络繁忙，请稍后再试'; };
    s.onload = function () { s.parentNode && s.parentNode.removeChild(s); };
    document.body.appendChild(s);
  }

  $('J_FlightListBox').addEventListener('click', function (e) {
    var item = e.target.closest && e.target.closest('.J_FlightItem');
    if (!item) return;
    var d = item.querySelector('.flight-detail');
    d.style.display = d.style.display === 'none' ? 'block' : 'none';
  });
  $('J_SearchBtn').addEventListener('click', search);

  var params = new URLSearchParams(location.search);
  $('J_DepCity').value = params.get('depCity') || '';
  $('J_ArrCity').value = params.get('arrCity') || '';
  $('J_DepDate').value = params.get('depDate') || '';
  if (params.get('depCity') && params.get('arrCity') && params.get('depDate')) search();
})();
