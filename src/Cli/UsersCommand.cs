using System.CommandLine;
using SpeechQa.Batch.Store;
using SpeechQa.QaPortal.Portal;
using SpeechQa.QaPortal.Portal.Users;

namespace SpeechQa.Cli;

/// <summary>
/// `speechqa users add NAME --role R [--display 姓名] [--agent A017] [--team T]` reads the password from standard input
/// (one line; never an argument, which would land in shell history); `speechqa users list` lists the accounts.
/// </summary>
public static class UsersCommand
{
    public static Command Create(GlobalOptions global)
    {
        var command = new Command("users", "Portal accounts and roles");
        var name = new Argument<string>("name") { Description = "User name" };
        var role = new Option<string>("--role") { Description = string.Join(", ", PortalRole.All), Required = true };
        role.AcceptOnlyFromAmong([.. PortalRole.All]);
        var display = new Option<string?>("--display") { Description = "Name shown in the portal" };
        var agent = new Option<string?>("--agent") { Description = "Agent id (required for the agent role)" };
        var team = new Option<string?>("--team") { Description = "Team" };
        var add = new Command("add", "Add or update an account; the password is read from standard input") { name, role, display, agent, team };
        add.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            var password = (await Console.In.ReadLineAsync(cancellationToken).ConfigureAwait(false))?.TrimEnd('\r') ?? "";
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            var users = new PortalUserStore(app.Get<StoreDataSource>(), TimeProvider.System);
            var userName = result.GetValue(name)!;
            try
            {
                await users.AddAsync(userName, result.GetValue(display) ?? userName, result.GetValue(role)!, result.GetValue(agent), result.GetValue(team), password, cancellationToken).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                Console.Error.WriteLine($"错误 error: {e.Message.Split(" (Parameter", 2)[0]}");
                return ExitCodes.UsageOrConfig;
            }
            Console.WriteLine($"已保存用户 saved user {userName} ({PortalRole.Chinese(result.GetValue(role)!)})");
            return ExitCodes.Ok;
        }));
        var list = new Command("list", "List the accounts");
        list.SetAction((result, cancellationToken) => CommandRunner.GuardAsync(async () =>
        {
            await using var app = await CliApp.OpenAsync(global, result, cancellationToken).ConfigureAwait(false);
            foreach (var user in await new PortalUserStore(app.Get<StoreDataSource>(), TimeProvider.System).ListAsync(cancellationToken).ConfigureAwait(false))
                Console.WriteLine($"{user.UserName}\t{user.DisplayName}\t{user.Role}\t{user.AgentId}\t{user.Team}{(user.LockedUntil > DateTimeOffset.UtcNow ? "\t已锁定 locked" : "")}");
            return ExitCodes.Ok;
        }));
        command.Subcommands.Add(add);
        command.Subcommands.Add(list);
        return command;
    }
}
