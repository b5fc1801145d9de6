using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Amazon.Lambda.Core;
using Amazon.Lambda.RuntimeSupport;
using Amazon.Lambda.Serialization.SystemTextJson;

// SNAP030: the StatsD host is resolved once; every restored copy sends to that address, however long ago it moved.
var statsd = new IPEndPoint(Dns.GetHostAddresses("statsd.internal.example.com")[0], 8125);

// SNAP031: every restored copy reports under the same "instance".
var instance = $"{Environment.MachineName}-{Environment.ProcessId}";

var udp = new UdpClient();

await LambdaBootstrapBuilder.Create((string metric, ILambdaContext context) =>
{
    var payload = Encoding.UTF8.GetBytes($"{metric}|c|#instance:{instance}");
    udp.Send(payload, payload.Length, statsd);
    return "sent";
}, new DefaultLambdaJsonSerializer()).Build().RunAsync();
