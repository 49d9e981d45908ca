"""A synthetic forum thread for the tests of the forum profile and of the weighing of a thread
against the cascade: four posts of a question about phone storage, and the same posts as
phpBB's prosilver template prints them (a user card per post, a "Quote" button, "by name »
time" over the message, optionally a signature under it) and as XenForo prints them."""

from __future__ import annotations

#: (author, shown time, text) of each post, in order.
THREAD_POSTS = [
    ("felixen", "Jul 9, 2022", "After disabling Messages in iCloud it still takes 16 GB. How come?"),
    ("spikeymike", "Jul 9, 2022", "Did you click on Messages and choose Disable and delete?"),
    ("felixen", "Jul 10, 2022", "Doh, I had not seen that button. That must be it, thanks a lot."),
    ("cynics", "Jul 10, 2022", "Keep in mind you need to turn it off on all your devices too."),
]


def xenforo_post(i: int, author: str, when: str, text: str) -> str:
    """Post ``i`` as XenForo prints it (a user block, the message, "Reply" and "Quote")."""
    return (f"<article class='message post-{i}'><div class='message-user'>"
            f"<a class='username' href='/members/{author}.{i}/'>{author}</a>"
            f"<span class='user-title'>Member</span><span>Joined 2009</span></div>"
            f"<div class='message-main'><time datetime='2022-07-0{i}'>{when}</time>"
            f"<div class='message-body'><p>{text}</p></div>"
            f"<div class='actions'><a href='/r/{i}'>Reply</a> <a href='/q/{i}'>Quote</a></div>"
            f"</div></article>")


def phpbb_post(i: int, author: str, when: str, text: str, signature: str = "") -> str:
    """Post ``i`` as prosilver prints it."""
    signed = f"<div class='signature'>{signature}</div>" if signature else ""
    return (f"<div id='p{i}' class='post bg{i % 2 + 1}'><div class='inner'><dl class='postprofile'>"
            f"<dt><a class='username' href='/u/{i}'>{author}</a></dt><dd class='profile-rank'>"
            f"Registered User</dd><dd class='profile-posts'><strong>Posts:</strong> 12{i}</dd>"
            f"</dl><div class='postbody'><ul class='post-buttons'><li><a href='/q/{i}'>"
            f"<span>Quote</span></a></li></ul><p class='author'>by <a class='username' "
            f"href='/u/{i}'>{author}</a> &raquo; <time datetime='2022-07-0{i}'>{when}</time>"
            f"</p><div class='content'>{text}</div>{signed}</div></div></div>")


def phpbb_posts(signature: str = "") -> str:
    """Every post of :data:`THREAD_POSTS` as prosilver prints it."""
    return "".join(phpbb_post(i, *post, signature=signature)
                   for i, post in enumerate(THREAD_POSTS))
