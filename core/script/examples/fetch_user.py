"""Fetch a user: the article's fetch_user, three awaits in a row.

From "Why use async await in Python?": the code reads top to bottom like synchronous code, and
each await is a clear "wait here" marker. The three database calls are requests to the
simulated network here (net.get), so each await really waits.
"""
import asyncio

from awaitscope import net


async def get_user_from_db(user_id):
    response = await net.get(f"/users/{user_id}")
    return {"id": user_id, "name": f"user{user_id}", "source": response.path}


async def get_posts_for_user(user_id):
    await net.get(f"/users/{user_id}/posts")
    return [f"post{n}" for n in range(1, 4)]


async def get_comments_for_posts(posts):
    await net.get("/comments?posts=" + ",".join(posts))
    return {post: [] for post in posts}


async def fetch_user(user_id):
    user = await get_user_from_db(user_id)
    posts = await get_posts_for_user(user_id)
    comments = await get_comments_for_posts(posts)
    return {"user": user, "posts": posts, "comments": comments}


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    result = await fetch_user(1)
    print(result)
    print(f"three awaits in a row took {loop.time() - start:.1f} s")


asyncio.run(main())
